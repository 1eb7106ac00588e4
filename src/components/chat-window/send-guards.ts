/**
 * A check the composer runs before sending, e.g. "the required variables are filled in". Registered by the
 * part that owns the fields (the welcome's variables form).
 */
export interface SendGuard {
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
   * first also takes focus), {@link SendGuards.isBlocked} turns true, and the caller must not send.
   */
  check(): boolean;
  /** Whether the last send was refused and a guard still fails (the composer says why while this holds). */
  isBlocked(): boolean;
  /** Re-evaluates a refused send quietly; guards call it when their values change, to lift the block. */
  recheck(): void;
  /** Subscribes to changes of {@link SendGuards.isBlocked}; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates the send guards of one window. */
export function createSendGuards(): SendGuards {
  const guards = new Set<SendGuard>();
  const listeners = new Set<() => void>();
  let blocked = false;
  const setBlocked = (next: boolean) => {
    if (next === blocked) return;
    blocked = next;
    for (const listener of listeners) listener();
  };
  const anyInvalid = () => [...guards].some((guard) => !guard.isValid());
  const guards$: SendGuards = {
    add(guard) {
      guards.add(guard);
      return () => {
        guards.delete(guard);
        guards$.recheck();
      };
    },
    check() {
      let focused = false;
      for (const guard of guards) {
        if (guard.isValid()) continue;
        guard.reveal(!focused);
        focused = true;
      }
      setBlocked(focused);
      return !focused;
    },
    isBlocked: () => blocked,
    recheck() {
      if (blocked) setBlocked(anyInvalid());
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
