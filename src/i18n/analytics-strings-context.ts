'use client';
import { createContext, useContext, useMemo } from 'react';
import { analyticsEn } from './analytics-en';
import type { AnalyticsPanelStrings, AnalyticsPanelStringsOverrides } from './analytics-panel-strings';
import { analyticsZhCN } from './analytics-zh-cn';
import type { Locale } from './chat-window-strings';

/** The built-in `AnalyticsPanel` string tables, by locale. */
export const analyticsPanelStrings: Record<Locale, AnalyticsPanelStrings> = {
  en: analyticsEn,
  'zh-CN': analyticsZhCN,
};

/** The strings of the surrounding `AnalyticsPanel` (English outside one). */
export const AnalyticsStringsContext = createContext<AnalyticsPanelStrings>(analyticsEn);

/** Merges overrides over a locale's table (unknown locales fall back to English). */
export function resolveAnalyticsStrings(
  locale: Locale,
  overrides?: AnalyticsPanelStringsOverrides,
): AnalyticsPanelStrings {
  const base = analyticsPanelStrings[locale] ?? analyticsEn;
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = typeof value === 'object' && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return merged as unknown as AnalyticsPanelStrings;
}

/** {@link resolveAnalyticsStrings}, stable while the overrides' values are (inline literals are fine). */
export function useResolvedAnalyticsStrings(
  locale: Locale,
  overrides?: AnalyticsPanelStringsOverrides,
): AnalyticsPanelStrings {
  const key = overrides ? JSON.stringify(overrides) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: overrides are compared by value through key.
  return useMemo(() => resolveAnalyticsStrings(locale, overrides), [locale, key]);
}

/** The strings provided by the nearest {@link AnalyticsStringsContext}. */
export function useAnalyticsStrings(): AnalyticsPanelStrings {
  return useContext(AnalyticsStringsContext);
}
