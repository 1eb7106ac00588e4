import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (browsers are not downloaded on the build machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh page (its own storage and cache) with the page's uncaught errors collected; `beforeLoad` runs
 * before the first navigation (to listen from the first byte).
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
  beforeLoad?: (page: Page) => void,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  beforeLoad?.(page);
  await page.goto(url);
  return { page, errors };
}

/** Screenshots of the main screens, kept by CI as artifacts. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = resolve(import.meta.dirname, 'artifacts');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe on the page as it is now; any violation fails with its rule and elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

interface AxeResults {
  violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
}

/** Types a question into the composer and sends it with Enter. */
export async function ask(page: Page, text: string, label = 'Message'): Promise<void> {
  const composer = page.getByRole('textbox', { name: label, exact: true });
  await composer.fill(text);
  await composer.press('Enter');
}

/** The last assistant message of the ChatWindow page. */
export const lastReply = (page: Page) =>
  page.locator('[data-slot="chat-window-message"][data-role="assistant"]').last();

/** The text of an element (its DOM text, so hidden labels count too). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}
