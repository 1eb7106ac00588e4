'use client';
import type { ReactNode } from 'react';
import { LineIcon } from './line-icon';

/** Names of the small line icons of the history sidebar. */
export type HistoryIconName = 'plus' | 'pencil' | 'pin' | 'unpin' | 'trash' | 'check' | 'close' | 'list';

const PATHS: Record<HistoryIconName, ReactNode> = {
  plus: <path d="M12 5v14M5 12h14" />,
  pencil: (
    <>
      <path d="M4 20h4L19 9l-4-4L4 16v4Z" />
      <path d="m13.5 6.5 4 4" />
    </>
  ),
  pin: (
    <>
      <path d="M9 4h6l-1 6 3 3v2H7v-2l3-3-1-6Z" />
      <path d="M12 15v5" />
    </>
  ),
  unpin: (
    <>
      <path d="M9 4h6l-1 6 3 3v2H7v-2l3-3-1-6Z" />
      <path d="M12 15v5M4 4l16 16" />
    </>
  ),
  trash: (
    <>
      <path d="M4 7h16M10 11v6M14 11v6" />
      <path d="M6 7l1 13h10l1-13M9 7V4h6v3" />
    </>
  ),
  check: <path d="m5 12 5 5 9-10" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  list: <path d="M4 6h16M4 12h16M4 18h10" />,
};

/** A history icon (see {@link LineIcon}). */
export function HistoryIcon({ name }: { /** Which icon. */ name: HistoryIconName }) {
  return <LineIcon className="fgk-history-icon">{PATHS[name]}</LineIcon>;
}
