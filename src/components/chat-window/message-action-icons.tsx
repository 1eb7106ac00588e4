'use client';
import type { ReactNode } from 'react';
import { LineIcon } from './line-icon';

function Icon({ children }: { children: ReactNode }) {
  return <LineIcon className="fgk-action-icon">{children}</LineIcon>;
}

/** Two overlapping sheets: copy. */
export function CopyIcon() {
  return (
    <Icon>
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M5 15V6a2 2 0 0 1 2-2h9" />
    </Icon>
  );
}

/** A check mark: done (copied). */
export function CheckIcon() {
  return (
    <Icon>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Icon>
  );
}

/** A thumb up: good answer. */
export function ThumbUpIcon() {
  return (
    <Icon>
      <path d="M7 10v10H4V10h3z" />
      <path d="M7 10l4-7a2 2 0 0 1 2.5 2.2L13 9h5.5a2 2 0 0 1 2 2.4l-1.4 7A2 2 0 0 1 17.1 20H7" />
    </Icon>
  );
}

/** A thumb down: bad answer. */
export function ThumbDownIcon() {
  return (
    <Icon>
      <path d="M17 14V4h3v10h-3z" />
      <path d="M17 14l-4 7a2 2 0 0 1-2.5-2.2L11 15H5.5a2 2 0 0 1-2-2.4l1.4-7A2 2 0 0 1 6.9 4H17" />
    </Icon>
  );
}

/** A circular arrow: regenerate. */
export function RegenerateIcon() {
  return (
    <Icon>
      <path d="M20 11a8 8 0 1 0-2.3 5.7" />
      <path d="M20 4v7h-7" />
    </Icon>
  );
}

/** A pencil: edit. */
export function EditIcon() {
  return (
    <Icon>
      <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4z" />
      <path d="M13.5 6.5l4 4" />
    </Icon>
  );
}

/** A bin: delete. */
export function DeleteIcon() {
  return (
    <Icon>
      <path d="M4 7h16" />
      <path d="M10 11v6M14 11v6" />
      <path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12" />
      <path d="M9 7V4h6v3" />
    </Icon>
  );
}
