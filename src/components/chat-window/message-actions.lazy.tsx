'use client';
// Loaded on demand (see lazy-message-actions.tsx): the toolbar's code stays out of the first chunk.
export { MessageActions } from './message-actions';
