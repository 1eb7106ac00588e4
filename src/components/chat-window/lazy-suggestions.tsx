'use client';
import { type ComponentProps, lazy, Suspense } from 'react';
import { LazyBoundary } from './lazy-boundary';

// Suggestions show after the first finished reply: their code loads then, not with the window.
const SuggestionsPanel = lazy(() =>
  import('./suggestions.lazy').then((module) => ({ default: module.ChatWindowSuggestions })),
);

/** Suggested follow-up questions after a reply (see `ChatWindowSuggestions`), loaded on first use. */
export function LazyChatWindowSuggestions(props: ComponentProps<typeof SuggestionsPanel>) {
  return (
    <LazyBoundary failed={null}>
      <Suspense fallback={null}>
        <SuggestionsPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
