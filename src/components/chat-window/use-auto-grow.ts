'use client';
import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/use-isomorphic-layout-effect';

/** Sizes a textarea to its text before paint, whenever `value` changes; CSS `max-height` caps the growth. */
export function useAutoGrow(textarea: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useIsomorphicLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    // Reset first so the box shrinks when text is deleted.
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [textarea, value]);
}
