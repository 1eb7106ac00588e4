'use client';
// Loaded on demand (see message-details.tsx): the run timeline and the quote list stay out of the first chunk.
export { QuoteList } from './quote-list';
export { RunTimeline } from './run-timeline';
export { StoredRunTimeline } from './stored-run-timeline';
