import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFakeChat } from '../test-setup/hook-test-helpers';
import { setupFastGPT } from '../test-setup/render-with-fastgpt';
import { useRecordDetail } from './use-record-detail';

describe('useRecordDetail', () => {
  it('loads nothing until enabled, then the stored node responses of one reply', async () => {
    const { fake, wrapper } = setupFastGPT();
    const chat = seedFakeChat(fake, { chatId: 'c1', turns: 1 });
    const answer = chat.items[1];
    if (!answer) throw new Error('seeded chat has an answer');
    answer.responseData = [{ id: 'r1', moduleName: 'AI 对话', moduleType: 'chatNode', runningTime: 1.5 }];
    const requests = () => fake.requests.filter((r) => r.path.endsWith('/getResData'));

    const { result, rerender } = renderHook(
      ({ enabled }) => useRecordDetail({ chatId: 'c1', dataId: 'c1-a1', enabled }),
      { wrapper, initialProps: { enabled: false } },
    );
    expect(result.current).toMatchObject({ responses: undefined, isLoading: false, error: null });
    expect(requests()).toHaveLength(0);

    rerender({ enabled: true });
    await waitFor(() => expect(result.current.responses).toBeDefined());
    expect(result.current.responses).toEqual([
      { id: 'r1', moduleName: 'AI 对话', moduleType: 'chatNode', runningTime: 1.5 },
    ]);
    expect(requests()[0]?.query).toMatchObject({
      chatId: 'c1',
      dataId: 'c1-a1',
      appId: fake.credentials.appId,
    });
  });

  it('reports a failed load', async () => {
    const { fake, wrapper } = setupFastGPT({ client: { appId: 'unknown-app' } });
    seedFakeChat(fake, { chatId: 'c1', turns: 1 });
    const { result } = renderHook(() => useRecordDetail({ chatId: 'c1', dataId: 'c1-a1' }), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.responses).toBeUndefined();
  });
});
