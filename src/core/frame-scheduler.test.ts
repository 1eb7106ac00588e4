import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameScheduler } from './frame-scheduler';

/** A frame source advanced by hand. */
function manualFrames() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    requestFrame: (callback: () => void) => {
      callbacks.set(next, callback);
      return next++;
    },
    cancelFrame: (handle: unknown) => {
      callbacks.delete(handle as number);
    },
    tick() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
    get waiting() {
      return callbacks.size;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createFrameScheduler', () => {
  it('notifies once per frame however often it is scheduled', () => {
    const frames = manualFrames();
    const notify = vi.fn();
    const scheduler = createFrameScheduler(notify, frames);
    for (let i = 0; i < 100; i++) scheduler.schedule();
    expect(notify).not.toHaveBeenCalled();
    expect(frames.waiting).toBe(1);
    frames.tick();
    expect(notify).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    scheduler.schedule();
    frames.tick();
    expect(notify).toHaveBeenCalledTimes(2);
    frames.tick();
    expect(notify).toHaveBeenCalledTimes(2);
  });

  it('flush notifies at once and drops the pending frame', () => {
    const frames = manualFrames();
    const notify = vi.fn();
    const scheduler = createFrameScheduler(notify, frames);
    scheduler.schedule();
    expect(scheduler.pending).toBe(true);
    scheduler.flush();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(scheduler.pending).toBe(false);
    expect(frames.waiting).toBe(0);
  });

  it('destroy cancels the pending frame and ignores later calls', () => {
    const frames = manualFrames();
    const notify = vi.fn();
    const scheduler = createFrameScheduler(notify, frames);
    scheduler.schedule();
    scheduler.destroy();
    expect(frames.waiting).toBe(0);
    scheduler.schedule();
    scheduler.flush();
    frames.tick();
    expect(notify).not.toHaveBeenCalled();
  });

  it('falls back to a 16 ms timeout without requestAnimationFrame', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(globalThis.requestAnimationFrame).toBeUndefined();
    const notify = vi.fn();
    const scheduler = createFrameScheduler(notify);
    scheduler.schedule();
    vi.advanceTimersByTime(15);
    expect(notify).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(notify).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    scheduler.cancel();
    vi.advanceTimersByTime(100);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('uses requestAnimationFrame when the environment has one (looked up at call time)', () => {
    const raf = vi.fn((_callback: FrameRequestCallback) => 7);
    const caf = vi.fn();
    vi.stubGlobal('requestAnimationFrame', raf);
    vi.stubGlobal('cancelAnimationFrame', caf);
    try {
      const notify = vi.fn();
      const scheduler = createFrameScheduler(notify);
      scheduler.schedule();
      expect(raf).toHaveBeenCalledTimes(1);
      raf.mock.calls[0]?.[0](0);
      expect(notify).toHaveBeenCalledTimes(1);
      scheduler.schedule();
      scheduler.destroy();
      expect(caf).toHaveBeenCalledWith(7);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
