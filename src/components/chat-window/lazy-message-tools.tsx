'use client';
import { type ComponentProps, lazy, Suspense } from 'react';
import { LazyBoundary } from './lazy-boundary';

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
    <LazyBoundary failed={null}>
      <Suspense fallback={null}>
        <MessageEditPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}

/** The delete question (see `DeleteConfirm`), loaded on first use. */
export function LazyDeleteConfirm(props: ComponentProps<typeof DeleteConfirmPanel>) {
  return (
    <LazyBoundary failed={null}>
      <Suspense fallback={null}>
        <DeleteConfirmPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}

/** The bad-rating reason form (see `ReasonForm`), loaded on first use. */
export function LazyReasonForm(props: ComponentProps<typeof ReasonFormPanel>) {
  return (
    <LazyBoundary failed={null}>
      <Suspense fallback={null}>
        <ReasonFormPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
