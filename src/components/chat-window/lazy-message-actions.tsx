'use client';
import { type ComponentProps, lazy, Suspense } from 'react';
import { LazyBoundary } from './lazy-boundary';

// The toolbar (copy, feedback, regenerate, edit, delete: about 1.5 KB gzip) shows under settled messages
// only, so its code loads with the first one instead of with the window.
const MessageActionsPanel = lazy(() =>
  import('./message-actions.lazy').then((module) => ({ default: module.MessageActions })),
);

/** A settled message's toolbar (see `MessageActions`), loaded on first use. */
export function LazyMessageActions(props: ComponentProps<typeof MessageActionsPanel>) {
  return (
    <LazyBoundary failed={null}>
      <Suspense fallback={null}>
        <MessageActionsPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
