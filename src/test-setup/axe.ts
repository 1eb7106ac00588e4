import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over `container` and fails with every violation's rule, help text and offending HTML.
 * Colour contrast is left to the Chromium runs: jsdom computes no layout or colours.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  const report = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help}\n  ${node.html}`),
  );
  expect(report).toEqual([]);
}
