'use client';
import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The content width of `ref`'s element in whole pixels, kept current by a ResizeObserver. `fixed` skips the
 * measuring (tests, server rendering, hosts that know the size); `fallback` stands in while the element
 * measures 0 or the browser lacks ResizeObserver (jsdom).
 */
export function useElementWidth(
  ref: RefObject<HTMLElement | null>,
  fixed: number | undefined,
  fallback: number,
): number {
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || !element) return;
    setMeasured(Math.floor(element.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      setMeasured(Math.floor(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fixed]);
  if (fixed !== undefined) return Math.max(1, Math.floor(fixed));
  return measured > 0 ? measured : fallback;
}
