// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { countingProviderOptions } from '../test-setup/render-with-fastgpt';
import { FastGPTProvider } from './fastgpt-provider';
import { useAppLogs } from './use-app-logs';
import { useChatCompletion } from './use-chat-completion';
import { useChatHistory } from './use-chat-history';
import { useChatInit } from './use-chat-init';
import { useChatRecords } from './use-chat-records';

function Page() {
  const init = useChatInit({ chatId: 'c1' });
  const history = useChatHistory();
  const records = useChatRecords({ chatId: 'c1' });
  const chat = useChatCompletion({ chatId: 'c1' });
  const logs = useAppLogs({
    dateRange: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-31T23:59:59.999Z' },
  });
  const loading = init.isLoading && history.isLoading && records.isLoading && logs.isLoading;
  return (
    <main>
      {loading ? 'loading' : 'ready'} {history.histories.length} {records.messages.length} {chat.status}
    </main>
  );
}

describe('server rendering', () => {
  it('renders the provider and every data hook to a string under node without a window', () => {
    expect(typeof window).toBe('undefined');
    const { options, requests } = countingProviderOptions();
    const html = renderToString(
      <FastGPTProvider options={options}>
        <Page />
      </FastGPTProvider>,
    );
    expect(html).toBe('<main>loading<!-- --> <!-- -->0<!-- --> <!-- -->0<!-- --> <!-- -->ready</main>');
    expect(requests()).toBe(0);
  });
});
