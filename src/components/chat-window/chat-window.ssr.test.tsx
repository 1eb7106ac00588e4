// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FastGPTProvider } from '../../hooks';
import { countingProviderOptions } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

describe('ChatWindow on the server', () => {
  it('renders to a string under node without a window and without requests', () => {
    expect(typeof window).toBe('undefined');
    const { options, requests } = countingProviderOptions();
    const html = renderToString(
      <FastGPTProvider options={options}>
        <ChatWindow locale="zh-CN" theme="dark" />
      </FastGPTProvider>,
    );
    expect(html).toContain('role="log"');
    expect(html).toContain('data-theme="dark"');
    expect(html).toContain('输入消息');
    expect(requests()).toBe(0);
  });
});
