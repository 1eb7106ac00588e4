'use client';
import type { ReactNode } from 'react';

/** Props of {@link LineIcon}. */
export interface LineIconProps {
  /** The class of the icon set (for sizing and alignment in its own CSS). */
  className: string;
  /** The icon's paths, drawn on a 24 × 24 grid. */
  children: ReactNode;
}

/**
 * A 16 px line icon in the current text colour, hidden from assistive technology: the button that holds it
 * carries the name.
 */
export function LineIcon({ className, children }: LineIconProps) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
