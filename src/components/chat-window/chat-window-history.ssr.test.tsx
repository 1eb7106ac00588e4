// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FastGPTProvider } from '../../hooks';
import { countingProviderOptions } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

describe('ChatWindow with showHistory on the server', () => {
  it('renders the sidebar with its loading state, without a window and without requests', () => {
    expect(typeof window).toBe('undefined');
    const { options, requests } = countingProviderOptions();
    const html = renderToString(
      <FastGPTProvider options={options}>
        <ChatWindow locale="zh-CN" showHistory />
      </FastGPTProvider>,
    );
    expect(html).toContain('<nav aria-label="历史对话"');
    expect(html).toContain('新对话');
    expect(html).toContain('data-slot="chat-window-history-skeleton"');
    expect(html).toContain('data-history-mode="auto"');
    expect(requests()).toBe(0);
  });
});
