'use client';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/use-isomorphic-layout-effect';

/** How close to the bottom (px) still counts as "at the bottom". */
const FOLLOW_THRESHOLD = 32;
/** How close to the top (px) asks for older messages. */
const OLDER_THRESHOLD = 160;

/** Options of {@link useFollowScroll}. */
export interface FollowScrollOptions {
  /** The scrolling element (the log). */
  scroller: RefObject<HTMLElement | null>;
  /** The element holding everything that can grow; its size changes keep a following log at the bottom. */
  content: RefObject<HTMLElement | null>;
  /** The first message's id: when it changes while the old first stays, messages were prepended. */
  firstId: string | undefined;
  /** Whether `firstId` was prepended to (the previous first message is still there, further down). */
  isPrepend: (previousFirstId: string) => boolean;
  /** Called when the reader scrolls near the top; `undefined` when there is nothing older to load. */
  onNearTop: (() => void) | undefined;
  /** The chat shown: another chat opens at its newest message, following again. */
  chatId: string;
}

/** Result of {@link useFollowScroll}. */
export interface FollowScroll {
  /** True after the reader scrolled up, away from the newest message. */
  detached: boolean;
  /** Scrolls to the newest message and follows the stream again. */
  jumpToLatest: () => void;
  /** The log's scroll handler. */
  onScroll: () => void;
  /** Call after every commit that may have changed the content (a layout effect runs it). */
  settle: () => void;
  /** Whether the log follows the stream (the reader is at the end) right now. */
  isFollowing: () => boolean;
}

/**
 * Scrolling that follows a stream until the reader scrolls up, then stays put; and that keeps the viewport
 * still when older messages are prepended. Following is decided by direction: content growing below never
 * detaches, only the reader moving up does, and coming back to the bottom re-attaches.
 */
export function useFollowScroll({
  scroller,
  content,
  firstId,
  isPrepend,
  onNearTop,
  chatId,
}: FollowScrollOptions): FollowScroll {
  const following = useRef(true);
  const [detached, setDetached] = useState(false);
  const lastTop = useRef(0);
  const lastDistance = useRef(0);
  const shownChat = useRef(chatId);
  if (shownChat.current !== chatId) {
    shownChat.current = chatId;
    following.current = true;
    if (detached) setDetached(false);
  }
  // Distance from the scroll position to the end of the content, to restore after a prepend.
  const fromBottom = useRef(0);
  const previousFirstId = useRef(firstId);
  const nearTop = useRef(onNearTop);
  useIsomorphicLayoutEffect(() => {
    nearTop.current = onNearTop;
  });

  const toBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
    lastDistance.current = 0;
    fromBottom.current = element.scrollHeight - element.scrollTop;
  }, [scroller]);

  const settle = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = previousFirstId.current;
    previousFirstId.current = firstId;
    if (following.current) {
      toBottom();
    } else if (previous !== undefined && previous !== firstId && isPrepend(previous)) {
      element.scrollTop = element.scrollHeight - fromBottom.current;
      lastTop.current = element.scrollTop;
    } else {
      fromBottom.current = element.scrollHeight - element.scrollTop;
    }
  }, [scroller, firstId, isPrepend, toBottom]);

  // Growth the commits do not see (images loading, rows measured, highlighted code) keeps a follower down.
  useEffect(() => {
    const element = content.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (following.current) toBottom();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [content, toBottom]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const top = element.scrollTop;
    const distance = element.scrollHeight - top - element.clientHeight;
    if (distance <= FOLLOW_THRESHOLD) {
      following.current = true;
      setDetached(false);
    } else if (top < lastTop.current - 1 && distance > lastDistance.current + 1) {
      // The reader moved up. Rows above shrinking (a virtualizer correcting its estimates) also lowers
      // scrollTop, but the distance to the end stays the same: that is not the reader.
      following.current = false;
      setDetached(true);
    }
    lastTop.current = top;
    lastDistance.current = distance;
    fromBottom.current = element.scrollHeight - top;
    if (top <= OLDER_THRESHOLD && !following.current) nearTop.current?.();
  }, [scroller]);

  const jumpToLatest = useCallback(() => {
    following.current = true;
    setDetached(false);
    toBottom();
  }, [toBottom]);

  const isFollowing = useCallback(() => following.current, []);
  return { detached, jumpToLatest, onScroll, settle, isFollowing };
}
