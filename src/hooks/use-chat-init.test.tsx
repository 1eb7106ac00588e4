import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { isQuestionGuideOn, useChatInit } from './use-chat-init';

describe('useChatInit', () => {
  it('shows loading, then the app name, avatar, welcome text, variables, guide and file settings', async () => {
    const { fake, wrapper } = setupFastGPT();
    const states: Array<[boolean, string]> = [];
    const { result } = renderHook(
      () => {
        const r = useChatInit({ chatId: 'fresh-chat' });
        states.push([r.isLoading, r.appName]);
        return r;
      },
      { wrapper },
    );
    expect(states[0]).toEqual([true, '']);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(states.at(-1)).toEqual([false, '知识库助手']);
    expect(result.current).toMatchObject({
      appName: '知识库助手',
      appAvatar: '/imgs/app/avatar/workflow.svg',
      welcomeText: '你好，我是知识库助手。',
      questionGuide: true,
      fileSelect: { canSelectFile: true, canSelectImg: true, maxFiles: 10 },
      variables: {},
      title: undefined,
      error: null,
    });
    expect(result.current.variablesSchema.map((v) => v.key)).toEqual(['uid']);
    expect(result.current.data?.app.chatModels).toEqual(['gpt-4o-mini']);
    const init = fake.requests.find((r) => r.path === '/api/core/chat/init');
    expect(init?.query).toEqual({ appId: fake.credentials.appId, chatId: 'fresh-chat' });
  });

  it('returns the stored variables and title of an existing chat', async () => {
    const { fake, wrapper } = setupFastGPT();
    const app = fake.state.apps.get(fake.credentials.appId);
    if (!app) throw new Error('the fake has the main app');
    app.chatConfig = { ...app.chatConfig, questionGuide: false, fileSelectConfig: undefined };
    fake.state.chats.set('old', {
      _id: '0000000000000000000000aa',
      chatId: 'old',
      appId: app.appId,
      title: 'auto',
      customTitle: 'Mine',
      top: false,
      source: 'api',
      sourceName: 'k',
      tmbId: fake.credentials.tmbId,
      teamId: fake.credentials.teamId,
      createTime: Date.now(),
      updateTime: Date.now(),
      variables: { uid: 'u-7' },
      items: [],
    });
    const { result } = renderHook(() => useChatInit({ chatId: 'old' }), { wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.variables).toEqual({ uid: 'u-7' });
    expect(result.current.title).toBe('Mine');
    expect(result.current.questionGuide).toBe(false);
    expect(result.current.fileSelect).toEqual({ canSelectFile: false, canSelectImg: false, maxFiles: 10 });
  });

  it('uses the share-link init for share-link clients', async () => {
    const { fake, wrapper } = setupFastGPT({
      client: {
        apiKey: undefined,
        appId: undefined,
        shareLink: { shareId: 'bN3k8QwE2rT6yU1iO9pA4sD7', outLinkUid: 'visitor-1' },
      },
    });
    const { result } = renderHook(() => useChatInit({ chatId: 'share-chat' }), { wrapper });
    await waitFor(() => expect(result.current.appName).toBe('知识库助手'));
    expect(fake.requests.some((r) => r.path === '/api/core/chat/outLink/init')).toBe(true);
  });

  it('reports a failed load', async () => {
    const { fake, wrapper } = setupFastGPT();
    fake.injectFault({ path: 'chat/init', kind: 'status', status: 500 });
    const { result } = renderHook(() => useChatInit({ chatId: 'x' }), { wrapper });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.isLoading).toBe(false);
    expect(result.current.appName).toBe('');
  });

  it('reads the question-guide switch in both shapes', () => {
    expect(isQuestionGuideOn({ questionGuide: true })).toBe(true);
    expect(isQuestionGuideOn({ questionGuide: { open: true } })).toBe(true);
    expect(isQuestionGuideOn({ questionGuide: { open: false } })).toBe(false);
    expect(isQuestionGuideOn({})).toBe(false);
    expect(isQuestionGuideOn(undefined)).toBe(false);
  });
});
