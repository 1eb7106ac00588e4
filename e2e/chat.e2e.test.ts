import { beforeEach, describe, expect, it } from 'vitest';
import { ask, expectNoAxeViolations, lastReply, openPage, saveScreenshot, textOf } from './browser';
import { setupDemoSession } from './demo-session';

const session = setupDemoSession();
beforeEach(() => session.server.fake.reset());

const completions = () => session.server.fake.requests.filter((r) => r.path === '/api/v1/chat/completions');

describe('the ChatWindow page', () => {
  it('streams a reply: the text grows in steps while it runs, then settles', async () => {
    const { page, errors } = await openPage(session.browser, session.server.url);
    await ask(page, 'markdown');
    const reply = lastReply(page);
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 15_000 }).toBe('streaming');
    const lengths: number[] = [];
    while ((await reply.getAttribute('data-status')) === 'streaming') {
      lengths.push((await textOf(reply)).length);
      await page.waitForTimeout(150);
    }
    await expect.poll(() => reply.getAttribute('data-status')).toBe('done');
    const final = (await textOf(reply)).length;
    // Several distinct partial lengths, each shorter than the settled reply.
    expect(new Set(lengths.filter((n) => n > 0 && n < final)).size).toBeGreaterThan(2);
    await expect.poll(() => reply.getByRole('table').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'chat-markdown');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('stops mid-reply and keeps the partial text', async () => {
    const { page } = await openPage(session.browser, session.server.url);
    await ask(page, 'tell me a slow story');
    const reply = lastReply(page);
    await expect.poll(async () => (await textOf(reply)).length, { timeout: 15_000 }).toBeGreaterThan(30);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => reply.getAttribute('data-status')).toBe('stopped');
    const partial = await textOf(reply);
    await page.waitForTimeout(500);
    expect(await textOf(reply)).toBe(partial);
    expect(partial).toContain('Stopped');
    expect(partial.length).toBeGreaterThan(30);
  });

  it('keeps the partial text when the connection drops, shows the error, and Retry answers', async () => {
    session.server.fake.injectFault({ kind: 'drop', afterEvents: 12, path: '/chat/completions' });
    const { page } = await openPage(session.browser, session.server.url);
    await ask(page, 'markdown');
    const reply = lastReply(page);
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 20_000 }).toBe('error');
    await expect.poll(() => page.getByText('Something went wrong').count()).toBe(1);
    expect((await textOf(reply)).length).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(completions()).toHaveLength(2);
  });

  it('gives up a stalled stream after the timeout, with a clear message', async () => {
    session.server.fake.injectFault({ kind: 'stall', afterEvents: 4, path: '/chat/completions' });
    const { page } = await openPage(session.browser, `${session.server.url}/?timeout=3000`);
    await ask(page, 'markdown');
    await expect
      .poll(() => page.getByText('FastGPT sent nothing for 3 seconds, so the stream was given up.').count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    expect(await lastReply(page).getAttribute('data-status')).toBe('error');
    await saveScreenshot(page, 'chat-stalled');
  });

  it('waits out a 429 with Retry-After and retries by itself', async () => {
    session.server.fake.injectFault({
      kind: 'rateLimit',
      retryAfterSeconds: 1,
      style: 'header',
      path: '/chat/completions',
    });
    const { page } = await openPage(session.browser, session.server.url);
    await ask(page, 'hello after a rate limit');
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await textOf(lastReply(page))).toContain('hello after a rate limit');
    expect(completions()).toHaveLength(2);
    await expect.poll(() => page.getByText('Something went wrong').count()).toBe(0);
  });

  it('continues the reply after a userSelect choice and a userInput form', async () => {
    const { page } = await openPage(session.browser, session.server.url);
    await ask(page, 'select a city');
    await page.getByRole('button', { name: '广州', exact: true }).click();
    await expect.poll(() => textOf(lastReply(page)), { timeout: 20_000 }).toContain('你选择了「广州」');

    await ask(page, 'fill a form');
    const form = page.getByRole('form', { name: '请补充查询信息' });
    await form.getByRole('textbox', { name: /城市/ }).fill('杭州');
    await form.getByRole('combobox', { name: /单位/ }).selectOption('C');
    await saveScreenshot(page, 'chat-form');
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => textOf(lastReply(page)), { timeout: 20_000 }).toContain('杭州');
    const answers = completions().map(
      (r) => (r.body as { messages?: Array<{ content?: unknown }> }).messages,
    );
    expect(JSON.stringify(answers.at(-1))).toContain('杭州');
  });
});
