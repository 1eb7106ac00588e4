import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createGate, seedFakeChat, setupDelayedFastGPT } from '../test-setup/hook-test-helpers';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { type UseSuggestedQuestionsOptions, useSuggestedQuestions } from './use-suggested-questions';

const isGuide = (url: string) => url.includes('createQuestionGuide');

describe('useSuggestedQuestions', () => {
  it('fetches after a reply: nothing, then loading, then the questions', async () => {
    const { fake, wrapper } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c1', turns: 1 });
    const states: Array<[boolean, number]> = [];
    const { result, rerender } = renderHook(
      (props: UseSuggestedQuestionsOptions) => {
        const r = useSuggestedQuestions(props);
        states.push([r.isLoading, r.questions.length]);
        return r;
      },
      { wrapper, initialProps: { chatId: 'c1', afterMessageId: undefined } as UseSuggestedQuestionsOptions },
    );
    expect(states.at(-1)).toEqual([false, 0]);
    rerender({ chatId: 'c1', afterMessageId: 'c1-a1', enabled: false });
    await waitFor(() => expect(result.current.isGuideOn).toBe(true));
    expect(fake.requests.filter((r) => isGuide(r.path))).toHaveLength(0);

    rerender({ chatId: 'c1', afterMessageId: 'c1-a1', enabled: true });
    expect(states.at(-1)).toEqual([true, 0]);
    await waitFor(() => expect(result.current.questions).toHaveLength(3));
    expect(result.current.questions[0]).toContain('question 1');
    expect(states.at(-1)).toEqual([false, 3]);
  });

  it('asks nothing while the app’s question guide is off', async () => {
    const { fake, wrapper, appId } = setupFastGPT();
    seedFakeChat(fake, { chatId: 'c1', turns: 1 });
    const app = fake.state.apps.get(appId);
    if (!app) throw new Error('seeded app');
    app.chatConfig.questionGuide = { open: false };
    const { result } = renderHook(() => useSuggestedQuestions({ chatId: 'c1', afterMessageId: 'c1-a1' }), {
      wrapper,
    });
    await waitFor(() => expect(fake.requests.some((r) => r.path.endsWith('/chat/init'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.isGuideOn).toBe(false);
    expect(result.current.questions).toEqual([]);
    expect(fake.requests.filter((r) => isGuide(r.path))).toHaveLength(0);
  });

  it('never shows an answer for an earlier reply, and aborts its request', async () => {
    const slow = createGate();
    let guideCalls = 0;
    const { fake, wrapper } = setupDelayedFastGPT((url) => {
      if (!isGuide(url)) return 0;
      guideCalls++;
      return guideCalls === 1 ? slow.promise : 0;
    });
    seedFakeChat(fake, { chatId: 'c1', turns: 1 });
    const { result, rerender } = renderHook(
      (props: UseSuggestedQuestionsOptions) => useSuggestedQuestions(props),
      {
        wrapper,
        initialProps: { chatId: 'c1', afterMessageId: 'reply-1' },
      },
    );
    await waitFor(() => expect(guideCalls).toBe(1));
    expect(result.current.isLoading).toBe(true);

    // A second reply arrives before the first reply's questions: the chat moved on.
    const chat = fake.state.chats.get('c1');
    const [q, a] = chat?.items ?? [];
    if (!chat || !q || !a) throw new Error('seeded');
    chat.items.push(
      {
        ...q,
        _id: 'f00000000000000000000001',
        dataId: 'q2',
        value: [{ type: 'text', text: { content: 'newer' } }],
      },
      { ...a, _id: 'f00000000000000000000002', dataId: 'reply-2' },
    );
    rerender({ chatId: 'c1', afterMessageId: 'reply-2' });
    expect(result.current.questions).toEqual([]);
    await waitFor(() => expect(result.current.questions).toHaveLength(3));
    const fresh = result.current.questions;
    expect(fresh[0]).toContain('newer');

    await act(async () => {
      slow.open();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(result.current.questions).toBe(fresh);
    // Only the second request reached the server: the first was aborted while it waited.
    expect(fake.requests.filter((r) => isGuide(r.path))).toHaveLength(1);
  });

  it('reports a failure without questions', async () => {
    const { fake, wrapper } = setupFastGPT();
    fake.injectFault({ path: 'createQuestionGuide', kind: 'status', status: 500 });
    const { result } = renderHook(() => useSuggestedQuestions({ chatId: 'c1', afterMessageId: 'r1' }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.questions).toEqual([]);
  });
});
