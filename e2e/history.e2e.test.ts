import { describe, expect, it } from 'vitest';
import { ask, lastReply, openPage, saveScreenshot } from './browser';
import { setupDemoSession } from './demo-session';

const session = setupDemoSession({ tokenDelayMs: 2 });

const chatByTitle = (title: string) =>
  [...session.server.fake.state.chats.values()].find((chat) => chat.title === title);

describe('the history sidebar', () => {
  it('renames, pins and deletes chats, in the page and on the server', async () => {
    const { page, errors } = await openPage(session.browser, session.server.url);
    const history = page
      .getByRole('complementary')
      .or(page.locator('[data-slot="chat-window-history"]'))
      .first();
    for (const question of ['first topic', 'second topic']) {
      await page.getByRole('button', { name: 'New chat' }).click();
      await ask(page, question);
      await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    }
    await expect.poll(() => history.getByRole('button', { name: /^second topic/ }).count()).toBe(1);

    await history.getByRole('button', { name: 'Rename first topic' }).click();
    const title = history.getByRole('textbox', { name: 'New title for first topic' });
    await title.fill('Renamed topic');
    await title.press('Enter');
    await expect.poll(() => history.getByRole('button', { name: /^Renamed topic/ }).count()).toBe(1);
    await expect.poll(() => chatByTitle('first topic')?.customTitle).toBe('Renamed topic');

    await history.getByRole('button', { name: 'Pin second topic' }).click();
    const pinned = history.getByRole('list', { name: 'Pinned' });
    await expect.poll(() => pinned.getByRole('button', { name: /^second topic/ }).count()).toBe(1);
    await expect.poll(() => chatByTitle('second topic')?.top).toBe(true);
    await saveScreenshot(page, 'chat-history');

    await history.getByRole('button', { name: 'Delete Renamed topic' }).click();
    await history.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => history.getByRole('button', { name: /^Renamed topic/ }).count()).toBe(0);
    await expect.poll(() => chatByTitle('first topic')?.deleteTime ?? 'kept').not.toBe('kept');
    // A reload shows what the server kept.
    await page.reload();
    await expect.poll(() => history.getByRole('button', { name: /^second topic/ }).count()).toBe(1);
    expect(await history.getByRole('button', { name: /^Renamed topic/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
