import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFakeChat, setupDelayedFastGPT, setupHoldableFastGPT } from '../test-setup/hook-test-helpers';
import { useChatRecords } from './use-chat-records';
import { nextFeedback, useFeedback } from './use-feedback';

function setup() {
  const setup = setupHoldableFastGPT(/updateUserFeedback/);
  seedFakeChat(setup.fake, { chatId: 'c1', turns: 2 });
  const rendered = renderHook(
    () => ({ records: useChatRecords({ chatId: 'c1' }), feedback: useFeedback({ chatId: 'c1' }) }),
    { wrapper: setup.wrapper },
  );
  const item = (dataId: string) => setup.fake.state.chats.get('c1')?.items.find((i) => i.dataId === dataId);
  const shown = (dataId: string) =>
    rendered.result.current.records.messages.find((m) => m.id === dataId)?.feedback;
  return { ...setup, ...rendered, item, shown };
}

describe('useFeedback', () => {
  it('rates at once, and follows the set/unset rules on the server', async () => {
    const { result, hold, item, shown, fake } = setup();
    await waitFor(() => expect(result.current.records.messages).toHaveLength(4));

    const release = hold();
    let done: Promise<unknown> | undefined;
    act(() => {
      done = result.current.feedback.rate('c1-a2', 'good');
    });
    await waitFor(() => expect(shown('c1-a2')).toEqual({ rating: 'good' }));
    await waitFor(() => expect(result.current.feedback.isPending('c1-a2')).toBe(true));
    expect(item('c1-a2')?.userGoodFeedback).toBeUndefined();
    release();
    await act(async () => {
      expect(await done).toEqual({ rating: 'good' });
    });
    expect(item('c1-a2')?.userGoodFeedback).toBe('yes');
    await waitFor(() => expect(result.current.feedback.isPending('c1-a2')).toBe(false));

    // Bad with a reason replaces good.
    await act(() => result.current.feedback.rate('c1-a2', 'bad', 'Out of date'));
    await waitFor(() => expect(shown('c1-a2')).toEqual({ rating: 'bad', reason: 'Out of date' }));
    expect(item('c1-a2')).toMatchObject({ userBadFeedback: 'Out of date' });
    expect(item('c1-a2')?.userGoodFeedback).toBeUndefined();

    // The same rating again toggles it off: a body with neither field clears both.
    await act(() => result.current.feedback.rate('c1-a2', 'bad'));
    await waitFor(() => expect(shown('c1-a2')).toBeUndefined());
    expect(item('c1-a2')?.userBadFeedback).toBeUndefined();
    const last = fake.requests.filter((r) => r.path.endsWith('updateUserFeedback')).at(-1);
    expect(last?.body).toEqual({ appId: fake.credentials.appId, chatId: 'c1', dataId: 'c1-a2' });

    await act(() => result.current.feedback.rate('c1-a1', 'good'));
    await act(() => result.current.feedback.rate('c1-a1', 'good'));
    await waitFor(() => expect(shown('c1-a1')).toBeUndefined());
    expect(item('c1-a1')?.userGoodFeedback).toBeUndefined();

    await act(() => result.current.feedback.rate('c1-a1', 'bad'));
    await act(() => result.current.feedback.rate('c1-a1', null));
    await waitFor(() => expect(shown('c1-a1')).toBeUndefined());
    expect(item('c1-a1')?.userBadFeedback).toBeUndefined();
    expect(result.current.feedback.feedbackOf('c1-a1')).toBeUndefined();
  });

  it('a failed rating never undoes a later one', async () => {
    const { result, hold, item, shown, fake } = setup();
    await waitFor(() => expect(result.current.records.messages).toHaveLength(4));
    const release = hold();
    // The first request to reach the server fails; the second succeeds.
    fake.injectFault({ path: 'updateUserFeedback', kind: 'status', status: 500 });
    let first: Promise<unknown> | undefined;
    let second: Promise<unknown> | undefined;
    act(() => {
      first = result.current.feedback.rate('c1-a1', 'good').catch((error: unknown) => error);
    });
    act(() => {
      second = result.current.feedback.rate('c1-a1', 'bad', 'too long');
    });
    await waitFor(() => expect(shown('c1-a1')).toEqual({ rating: 'bad', reason: 'too long' }));
    release();
    await act(async () => {
      expect(await first).toBeInstanceOf(Error);
      await second;
    });
    expect(shown('c1-a1')).toEqual({ rating: 'bad', reason: 'too long' });
    expect(item('c1-a1')?.userBadFeedback).toBe('too long');
  });

  it('puts the previous rating back when the server refuses', async () => {
    const { result, hold, item, shown, fake } = setup();
    await waitFor(() => expect(result.current.records.messages).toHaveLength(4));
    await act(() => result.current.feedback.rate('c1-a1', 'good'));
    await waitFor(() => expect(shown('c1-a1')).toEqual({ rating: 'good' }));

    fake.injectFault({ path: 'updateUserFeedback', kind: 'status', status: 500 });
    const release = hold();
    let outcome: Promise<unknown> | undefined;
    act(() => {
      outcome = result.current.feedback.rate('c1-a1', 'bad', 'wrong').catch((error: unknown) => error);
    });
    await waitFor(() => expect(shown('c1-a1')).toEqual({ rating: 'bad', reason: 'wrong' }));
    release();
    await act(async () => {
      expect(await outcome).toBeInstanceOf(Error);
    });
    await waitFor(() => expect(shown('c1-a1')).toEqual({ rating: 'good' }));
    expect(item('c1-a1')?.userGoodFeedback).toBe('yes');
    await waitFor(() => expect(result.current.feedback.error).not.toBeNull());
    expect(result.current.feedback.feedbackOf('c1-a1')).toEqual({ rating: 'good' });
  });

  it('rates answers that are not in the records cache yet, toggling from its own last rating', async () => {
    const { fake, wrapper } = setupDelayedFastGPT(() => 0);
    seedFakeChat(fake, { chatId: 'c2', turns: 1 });
    const { result } = renderHook(() => useFeedback({ chatId: 'c2' }), { wrapper });
    await act(() => result.current.rate('c2-a1', 'good'));
    await waitFor(() => expect(result.current.feedbackOf('c2-a1')).toEqual({ rating: 'good' }));
    expect(fake.state.chats.get('c2')?.items[1]?.userGoodFeedback).toBe('yes');
    await act(() => result.current.rate('c2-a1', 'good'));
    await waitFor(() => expect(result.current.feedbackOf('c2-a1')).toBeUndefined());
    expect(fake.state.chats.get('c2')?.items[1]?.userGoodFeedback).toBeUndefined();
  });

  it('nextFeedback toggles and switches like FastGPT', () => {
    expect(nextFeedback(null, 'good')).toEqual({ rating: 'good' });
    expect(nextFeedback({ rating: 'good' }, 'good')).toBeNull();
    expect(nextFeedback({ rating: 'good' }, 'bad', 'x')).toEqual({ rating: 'bad', reason: 'x' });
    expect(nextFeedback({ rating: 'bad', reason: 'x' }, 'bad', 'y')).toEqual({ rating: 'bad', reason: 'y' });
    expect(nextFeedback({ rating: 'bad', reason: 'x' }, 'bad')).toBeNull();
    expect(nextFeedback({ rating: 'bad' }, 'good')).toEqual({ rating: 'good' });
    expect(nextFeedback({ rating: 'bad' }, null)).toBeNull();
  });
});
