'use client';
import { type ComponentProps, lazy, Suspense } from 'react';

// The editor, the delete question and the reason form open on a click: their code loads on the first one.
const tools = () => import('./message-tools.lazy');
/** Starts loading the editor and prompts (once), so opening one never shows an empty gap. */
export const preloadMessageTools = () => void tools();
const MessageEditPanel = lazy(() => tools().then((module) => ({ default: module.MessageEdit })));
const DeleteConfirmPanel = lazy(() => tools().then((module) => ({ default: module.DeleteConfirm })));
const ReasonFormPanel = lazy(() => tools().then((module) => ({ default: module.ReasonForm })));

/** A user message's inline editor (see `MessageEdit`), loaded on first use. */
export function LazyMessageEdit(props: ComponentProps<typeof MessageEditPanel>) {
  return (
    <Suspense fallback={null}>
      <MessageEditPanel {...props} />
    </Suspense>
  );
}

/** The delete question (see `DeleteConfirm`), loaded on first use. */
export function LazyDeleteConfirm(props: ComponentProps<typeof DeleteConfirmPanel>) {
  return (
    <Suspense fallback={null}>
      <DeleteConfirmPanel {...props} />
    </Suspense>
  );
}

/** The bad-rating reason form (see `ReasonForm`), loaded on first use. */
export function LazyReasonForm(props: ComponentProps<typeof ReasonFormPanel>) {
  return (
    <Suspense fallback={null}>
      <ReasonFormPanel {...props} />
    </Suspense>
  );
}
