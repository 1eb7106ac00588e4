/** How a {@link FrameScheduler} waits for the next frame (injectable for tests). */
export interface FrameSchedulerOptions {
  /**
   * Calls `callback` at the next frame and returns a handle for `cancelFrame`. Default:
   * `requestAnimationFrame` when the environment has it (looked up at call time, so fake timers installed
   * later apply), else a 16 ms timeout.
   */
  requestFrame?: (callback: () => void) => unknown;
  /** Cancels a pending frame by the handle `requestFrame` returned. */
  cancelFrame?: (handle: unknown) => void;
}

/**
 * Batches notifications: {@link FrameScheduler.schedule} asks for one at the next frame (many calls, one
 * notification), {@link FrameScheduler.flush} notifies at once.
 */
export interface FrameScheduler {
  /** Notifies at the next frame, unless a notification is already pending. */
  schedule(): void;
  /** Notifies now and drops the pending frame. */
  flush(): void;
  /** Drops the pending frame without notifying. */
  cancel(): void;
  /** Whether a notification waits for a frame. */
  readonly pending: boolean;
  /** Cancels the pending frame; later calls do nothing. */
  destroy(): void;
}

type DefaultHandle = { kind: 'raf'; id: number } | { kind: 'timeout'; id: ReturnType<typeof setTimeout> };

const FALLBACK_FRAME_MS = 16;

function defaultRequestFrame(callback: () => void): DefaultHandle {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    return { kind: 'raf', id: globalThis.requestAnimationFrame(() => callback()) };
  }
  return { kind: 'timeout', id: setTimeout(callback, FALLBACK_FRAME_MS) };
}

function defaultCancelFrame(handle: unknown): void {
  const h = handle as DefaultHandle;
  if (h.kind === 'raf') globalThis.cancelAnimationFrame?.(h.id);
  else clearTimeout(h.id);
}

/**
 * Creates a scheduler that calls `notify` at most once per animation frame while changes keep coming.
 *
 * @example
 * ```ts
 * const scheduler = createFrameScheduler(() => listeners.forEach((l) => l()));
 * onToken(() => scheduler.schedule()); // many tokens, one notification per frame
 * onEnd(() => scheduler.flush()); // the final state shows at once
 * ```
 */
export function createFrameScheduler(
  notify: () => void,
  options: FrameSchedulerOptions = {},
): FrameScheduler {
  const requestFrame = options.requestFrame ?? defaultRequestFrame;
  const cancelFrame = options.cancelFrame ?? defaultCancelFrame;
  let handle: unknown;
  let pending = false;
  let destroyed = false;

  const cancel = () => {
    if (!pending) return;
    pending = false;
    cancelFrame(handle);
    handle = undefined;
  };

  return {
    schedule() {
      if (pending || destroyed) return;
      pending = true;
      handle = requestFrame(() => {
        if (!pending) return;
        pending = false;
        handle = undefined;
        notify();
      });
    },
    flush() {
      if (destroyed) return;
      cancel();
      notify();
    },
    cancel,
    get pending() {
      return pending;
    },
    destroy() {
      cancel();
      destroyed = true;
    },
  };
}
