'use client';
import { useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/use-isomorphic-layout-effect';

type Callbacks = Record<string, ((...args: never[]) => unknown) | undefined>;

/**
 * Stable stand-ins for a set of callbacks that may be written inline (a new object and new functions on
 * every render): each calls the latest function given under its key. The result changes only when the set of
 * keys does, so memoized consumers do not re-render for a parent's re-render.
 */
export function useLatestCallbacks<T extends Callbacks>(callbacks: T): T {
  const latest = useRef(callbacks);
  useIsomorphicLayoutEffect(() => {
    latest.current = callbacks;
  });
  const keys = Object.keys(callbacks)
    .filter((key) => callbacks[key] !== undefined)
    .sort()
    .join('\u0000');
  return useMemo(() => {
    const stable: Callbacks = {};
    for (const key of keys ? keys.split('\u0000') : []) {
      stable[key] = (...args: never[]) => latest.current[key]?.(...args);
    }
    return stable as T;
  }, [keys]);
}
