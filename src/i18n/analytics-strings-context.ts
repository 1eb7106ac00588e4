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
  return {
    ...base,
    ...overrides,
    sources: { ...base.sources, ...overrides.sources },
    columns: { ...base.columns, ...overrides.columns },
  };
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
