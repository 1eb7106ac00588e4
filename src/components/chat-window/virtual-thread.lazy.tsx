'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, type RefObject, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/use-isomorphic-layout-effect';

/** A first guess of a row's height (px) before it is measured. */
const ESTIMATED_ROW_HEIGHT = 120;

/** Props of {@link VirtualThread}. */
export interface VirtualThreadProps {
  /** How many rows. */
  count: number;
  /** A stable key per row (the message id), so measurements survive rows being prepended. */
  keyOf: (index: number) => string | number;
  /** Renders one row. */
  renderRow: (index: number) => ReactNode;
  /** The scrolling element (the log). */
  scroller: RefObject<HTMLElement | null>;
  /** Whether the log follows the stream: then the thread opens at its end. */
  atEnd: () => boolean;
}

/**
 * Only the rows in view (and a few more) of a long thread, measured as they render, in a spacer as tall as
 * the whole thread. Rows prepended above the viewport are measured without moving it. Loaded on demand
 * (see chat-window-messages.tsx).
 */
export function VirtualThread({ count, keyOf, renderRow, scroller, atEnd }: VirtualThreadProps) {
  const spacer = useRef<HTMLDivElement>(null);
  // Rows sit below whatever precedes the spacer in the log ("load older"): offsets count from its top.
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    // Attaching, the virtualizer scrolls to this offset: the end for a follower (the browser clamps it),
    // else the reader's place; never the top.
    initialOffset: () => (atEnd() ? Number.MAX_SAFE_INTEGER : (scroller.current?.scrollTop ?? 0)),
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: keyOf,
    overscan: 4,
    scrollMargin,
    // Measuring in the next frame keeps resize handling out of the observer callback ("ResizeObserver loop").
    useAnimationFrameWithResizeObserver: true,
  });
  useIsomorphicLayoutEffect(() => {
    const top = spacer.current?.offsetTop ?? 0;
    if (top !== scrollMargin) setScrollMargin(top);
  });
  return (
    <div ref={spacer} className="fgk-chat-virtual" style={{ blockSize: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <div
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          className="fgk-chat-virtual-row"
          style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
        >
          {renderRow(item.index)}
        </div>
      ))}
    </div>
  );
}
