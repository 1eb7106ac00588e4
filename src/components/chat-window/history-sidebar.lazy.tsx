'use client';
// Loaded on demand by `ChatWindow.History` (see lazy-history.tsx): the sidebar stays out of the first chunk.
export { ChatWindowHistory } from './chat-window-history';
