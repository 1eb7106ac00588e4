import { describe, expect, it, vi } from 'vitest';
import { createFakeFastGPT } from '../testing';
import { ChatClient } from './chat-client';
import { ConnectionError } from './errors';
import type { FastGPTStreamEvent } from './types';

// The same client and fake, in real Chromium: Web streams, TextDecoder, AbortController and console as
// browsers have them (the node and jsdom projects only imitate them).
describe('ChatClient in Chromium', () => {
  const setup = () => {
    const fake = createFakeFastGPT({ analytics: false });
    const chat = new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      shareLink: { shareId: fake.credentials.shareId, outLinkUid: 'browser-user' },
      appId: fake.credentials.appId,
      maxRetries: 0,
    });
    return { fake, chat };
  };

  it('streams a long CJK markdown reply in order', async () => {
    const { chat } = setup();
    let text = '';
    const types: string[] = [];
    for await (const event of chat.streamChatCompletion({
      chatId: 'b1',
      detail: true,
      messages: [{ role: 'user', content: 'markdown please' }],
    })) {
      types.push(event.type);
      if (event.type === 'answer') text += event.text;
    }
    expect(text).toContain('```');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(types.at(-1)).toBe('flowResponses');
  });

  it('stops on abort and keeps what arrived', async () => {
    const { chat } = setup();
    const controller = new AbortController();
    const seen: FastGPTStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of chat.streamChatCompletion(
        { chatId: 'b2', detail: true, messages: [{ role: 'user', content: 'slow story' }] },
        { signal: controller.signal },
      )) {
        seen.push(event);
        if (event.type === 'answer') controller.abort(new DOMException('Stopped', 'AbortError'));
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(seen.filter((e) => e.type === 'answer')).toHaveLength(1);
  });

  it('reports a dropped connection as a ConnectionError', async () => {
    const { chat } = setup();
    const run = async () => {
      for await (const _ of chat.streamChatCompletion({
        detail: true,
        messages: [{ role: 'user', content: 'drop' }],
      })) {
        // read on
      }
    };
    await expect(run()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('warns once when an API key reaches a browser', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A fresh module, so no earlier test has used up the one warning.
    vi.resetModules();
    const { ChatClient: FreshChatClient } = await import('./chat-client');
    new FreshChatClient({ apiKey: 'fastgpt-browser' });
    new FreshChatClient({ apiKey: 'fastgpt-browser' });
    expect(warn.mock.calls.filter(([line]) => String(line).includes('createFastGPTProxy'))).toHaveLength(1);
    warn.mockRestore();
  });
});
