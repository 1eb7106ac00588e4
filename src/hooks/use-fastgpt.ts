'use client';
import { useContext } from 'react';
import { FastGPTContext, type FastGPTContextValue } from './fastgpt-context';

/**
 * The clients, query scope and default app id of the nearest `FastGPTProvider`.
 *
 * @example
 * ```ts
 * const { chat } = useFastGPT();
 * const records = await chat.getChatRecords({ chatId });
 * ```
 */
export function useFastGPT(): FastGPTContextValue {
  const value = useContext(FastGPTContext);
  if (!value) {
    throw new Error('fastgpt-react hooks need a <FastGPTProvider> above them (see the README, "Hooks").');
  }
  return value;
}
