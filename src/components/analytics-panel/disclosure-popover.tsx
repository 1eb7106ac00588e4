'use client';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** Props of {@link DisclosurePopover}. */
export interface DisclosurePopoverProps {
  /** The button's text. */
  label: ReactNode;
  /** The button's accessible name when its text alone does not say what it is for. */
  buttonLabel?: string;
  /** Accessible name of the panel (a group of choices). */
  panelLabel: string;
  /** The choices. */
  children: ReactNode;
  /** `data-slot` of the wrapper. */
  slot: string;
}

/**
 * A button that shows a small panel of choices below it (a disclosure, not a menu: the choices are
 * ordinary checkboxes reached with Tab). Escape closes it and gives focus back to the button; so does a
 * press outside.
 */
export function DisclosurePopover({
  label,
  buttonLabel,
  panelLabel,
  children,
  slot,
}: DisclosurePopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !wrapper.current?.contains(document.activeElement)) return;
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={wrapper} className="fgk-popover" data-slot={slot}>
      <button
        ref={button}
        type="button"
        className="fgk-button"
        aria-label={buttonLabel}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      <fieldset id={id} className="fgk-popover-panel" hidden={!open}>
        <legend className="fgk-visually-hidden">{panelLabel}</legend>
        {children}
      </fieldset>
    </div>
  );
}
