'use client';
// Loaded on demand (see lazy-suggestions.tsx).
export { ChatWindowSuggestions } from './suggested-questions';
