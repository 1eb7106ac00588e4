import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, expectNoAxeViolations, lastReply, openPage, saveScreenshot } from './browser';
import { setupDemoSession } from './demo-session';

const session = setupDemoSession({ tokenDelayMs: 2 });

/** Relative luminance (0 black … 1 white) of an element's background. */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  const color = await page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('themes and languages', () => {
  it('renders the dark theme', async () => {
    const { page } = await openPage(session.browser, `${session.server.url}/?theme=dark`);
    await ask(page, 'reason about it');
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await backgroundLuminance(page, '.fgk-chat-window')).toBeLessThan(0.2);
    await saveScreenshot(page, 'chat-dark');
    await expectNoAxeViolations(page);

    await page.goto(`${session.server.url}/?page=analytics&theme=dark`);
    await expect.poll(() => page.locator('.fgk-log-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await backgroundLuminance(page, '.fgk-analytics')).toBeLessThan(0.2);
    await saveScreenshot(page, 'analytics-dark');
    await expectNoAxeViolations(page);
  });

  it('renders zh-CN, also at phone width', async () => {
    const { page } = await openPage(session.browser, `${session.server.url}/?locale=zh-CN`, {
      width: 375,
      height: 740,
    });
    await ask(page, '你好', '输入消息');
    await expect.poll(() => lastReply(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await page.getByRole('button', { name: '发送' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '历史对话' }).count()).toBe(1);
    await saveScreenshot(page, 'chat-zh-cn-375');
    await expectNoAxeViolations(page);

    await page.goto(`${session.server.url}/?page=analytics&locale=zh-CN`);
    await expect.poll(() => page.locator('.fgk-log-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: '导出 CSV' }).count()).toBe(1);
    await saveScreenshot(page, 'analytics-zh-cn-375');
  });

  it('renders the hooks page', async () => {
    const { page, errors } = await openPage(session.browser, `${session.server.url}/?page=hooks`);
    await ask(page, 'use a tool');
    await expect.poll(() => page.getByText(/天气查询/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await saveScreenshot(page, 'hooks');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
