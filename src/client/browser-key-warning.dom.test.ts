import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('an API key in a browser', () => {
  it('warns once, naming the proxy and share-link alternatives', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ChatClient } = await import('./chat-client');
    new ChatClient({ apiKey: 'fastgpt-abc' });
    new ChatClient({ apiKey: 'fastgpt-abc' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/createFastGPTProxy/);
    expect(warn.mock.calls[0]?.[0]).toMatch(/share link/);
    expect(warn.mock.calls[0]?.[0]).not.toContain('fastgpt-abc');
  });

  it('does not warn for share links or a proxy base URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ChatClient } = await import('./chat-client');
    new ChatClient({ shareLink: { shareId: 's', outLinkUid: 'u' } });
    new ChatClient({ baseUrl: '/api/fastgpt' });
    expect(warn).not.toHaveBeenCalled();
  });
});
