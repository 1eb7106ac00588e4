'use client';
import { type ComponentProps, lazy, Suspense } from 'react';
import { LazyBoundary } from '../chat-window/lazy-boundary';

// The drawer carries a whole read-only ChatWindow: it loads when a row is first opened, not with the panel.
const Drawer = lazy(() =>
  import('./conversation-drawer.lazy').then((module) => ({ default: module.ConversationDrawer })),
);

/** The conversation drawer (see `ConversationDrawer`), loaded on first use. */
export function LazyConversationDrawer(props: ComponentProps<typeof Drawer>) {
  if (!props.row) return null;
  return (
    <LazyBoundary failed={null} onFailure={props.onClose}>
      <Suspense fallback={null}>
        <Drawer {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
