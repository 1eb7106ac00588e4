/**
 * Every scripted reply the fake server can play. A question containing the name (any case) picks it;
 * `default` echoes the question.
 */
export const SCENARIOS = [
  'default',
  'markdown',
  'reason',
  'tool',
  'select',
  'form',
  'cite',
  'variable',
  'error',
  'slow',
  'stall',
  'drop',
  '429',
] as const;

/** Name of a scripted reply of the fake server. */
export type ScenarioName = (typeof SCENARIOS)[number];
