import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, openPage, saveScreenshot, textOf } from './browser';
import { setupDemoSession } from './demo-session';

const session = setupDemoSession();

describe('the Analytics page', () => {
  it('loads totals, charts and the log table, filters it and exports CSV', async () => {
    const { page, errors } = await openPage(session.browser, `${session.server.url}/?page=analytics`);
    const rows = page.locator('.fgk-log-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const footer = page.getByText(/^\d[\d,]* of [\d,]+ conversations/);
    const before = await textOf(footer);
    await expect.poll(() => page.getByRole('img').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'analytics');
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Feedback' }).selectOption({ label: 'Bad' });
    await expect.poll(() => textOf(footer), { timeout: 20_000 }).not.toBe(before);
    const lists = session.server.fake.requests.filter((r) => r.path.endsWith('/logs/list'));
    expect(lists.at(-1)?.body).toMatchObject({ feedbackType: 'bad' });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/,/);
    expect(errors).toEqual([]);
  });
});
