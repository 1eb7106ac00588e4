'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { ChatStore } from '../../core/chat-store';

/**
 * Why deleting a message failed, per message id, for one chat store. A deleted message leaves the list at
 * once, so its row unmounts; when FastGPT refuses, the store puts the message back and a new row mounts. The
 * failure has to outlive the first row for the second one to show it, hence this small observable map.
 */
export interface DeletionFailures {
  /** The failure recorded for a message, if any. */
  get(messageId: string): Error | undefined;
  /** Records (an `Error`) or clears (`undefined`) the failure of a message. */
  set(messageId: string, error: Error | undefined): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

function createDeletionFailures(): DeletionFailures {
  const failures = new Map<string, Error>();
  const listeners = new Set<() => void>();
  return {
    get: (messageId) => failures.get(messageId),
    set(messageId, error) {
      if (failures.get(messageId) === error) return;
      if (error) failures.set(messageId, error);
      else failures.delete(messageId);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

// Keyed by the chat store, so each window has its own map and it goes away with the store.
const byStore = new WeakMap<ChatStore, DeletionFailures>();

/** The deletion failures of a chat store (created on first use). */
export function deletionFailuresOf(store: ChatStore): DeletionFailures {
  let failures = byStore.get(store);
  if (!failures) {
    failures = createDeletionFailures();
    byStore.set(store, failures);
  }
  return failures;
}

/** Why deleting this message last failed (re-renders only when that changes). */
export function useDeletionFailure(store: ChatStore, messageId: string): Error | undefined {
  const failures = deletionFailuresOf(store);
  const read = useCallback(() => failures.get(messageId), [failures, messageId]);
  return useSyncExternalStore(failures.subscribe, read, read);
}
