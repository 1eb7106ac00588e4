'use client';
import { createContext, useContext, useMemo } from 'react';
import type { ChatWindowStrings, ChatWindowStringsOverrides, Locale } from './chat-window-strings';
import { en } from './en';
import { zhCN } from './zh-cn';

/** The built-in string tables, by locale. */
export const chatWindowStrings: Record<Locale, ChatWindowStrings> = { en, 'zh-CN': zhCN };

/** The strings of the surrounding `ChatWindow` (English outside one). */
export const StringsContext = createContext<ChatWindowStrings>(en);

/** Merges overrides over a locale's table (unknown locales fall back to English). */
export function resolveStrings(locale: Locale, overrides?: ChatWindowStringsOverrides): ChatWindowStrings {
  const base = chatWindowStrings[locale] ?? en;
  if (!overrides) return base;
  return { ...base, ...overrides, markdown: { ...base.markdown, ...overrides.markdown } };
}

/**
 * The strings for a locale with overrides applied, stable while their values are: an inline `strings={{ … }}`
 * literal must not re-render every settled message on each token.
 */
export function useStrings(locale: Locale, overrides?: ChatWindowStringsOverrides): ChatWindowStrings {
  const key = overrides ? JSON.stringify(overrides) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: overrides are compared by value through key.
  return useMemo(() => resolveStrings(locale, overrides), [locale, key]);
}

/** The strings provided by the nearest {@link StringsContext}. */
export function useChatWindowStrings(): ChatWindowStrings {
  return useContext(StringsContext);
}
