'use client';
// Loaded on demand (see lazy-message-tools.tsx): what opens only on a click stays out of the first chunk.
export { MessageEdit } from './message-edit';
export { DeleteConfirm, ReasonForm } from './message-prompts';
