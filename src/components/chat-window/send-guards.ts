/**
 * Why a send was refused: required variables missing, the app's settings (which say what is required) still
 * loading, or a workflow question still waiting for its answer.
 */
export type SendBlockReason = 'variables' | 'loading' | 'interactive';

/**
 * A check the composer runs before sending, e.g. "the required variables are filled in". Registered by the
 * part that owns the fields (the welcome's variables form, a pending interactive node).
 */
export interface SendGuard {
  /** What the composer says when this guard refuses a send. */
  reason: SendBlockReason;
  /** Whether sending may go ahead now; no side effects. */
  isValid(): boolean;
  /** Shows why sending was refused (inline errors); moves focus to the first bad field when `focus`. */
  reveal(focus: boolean): void;
}

/**
 * The window's send guards: a small external store, stable for the window's life, so the composer can
 * subscribe to "a send was refused" without re-rendering while a reply streams.
 */
export interface SendGuards {
  /** Adds a guard; returns its removal. */
  add(guard: SendGuard): () => void;
  /**
   * Before a send: `true` when every guard passes. Otherwise each failing guard reveals its errors (the
   * first also takes focus), {@link SendGuards.blockedReason} names the first, and the caller must not send.
   */
  check(): boolean;
  /** Why the last send was refused while a guard still fails (the composer says so), else null. */
  blockedReason(): SendBlockReason | null;
  /** Re-evaluates a refused send quietly; guards call it when their values change, to lift the block. */
  recheck(): void;
  /** Subscribes to changes of {@link SendGuards.blockedReason}; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates the send guards of one window. */
export function createSendGuards(): SendGuards {
  const guards = new Set<SendGuard>();
  const listeners = new Set<() => void>();
  let blocked: SendBlockReason | null = null;
  const setBlocked = (next: SendBlockReason | null) => {
    if (next === blocked) return;
    blocked = next;
    for (const listener of listeners) listener();
  };
  const firstFailing = () => [...guards].find((guard) => !guard.isValid())?.reason ?? null;
  const guards$: SendGuards = {
    add(guard) {
      guards.add(guard);
      return () => {
        guards.delete(guard);
        guards$.recheck();
      };
    },
    check() {
      let first: SendBlockReason | null = null;
      for (const guard of guards) {
        if (guard.isValid()) continue;
        guard.reveal(first === null);
        first ??= guard.reason;
      }
      setBlocked(first);
      return first === null;
    },
    blockedReason: () => blocked,
    recheck() {
      if (blocked) setBlocked(firstFailing());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return guards$;
}
