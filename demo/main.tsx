import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnalyticsPanel, ChatWindow, FastGPTProvider } from '../src';

// Every sheet of the kit, as dist/styles.css bundles them (tokens only define variables, so order is free).
import.meta.glob('../src/styles/*.css', { eager: true });

import { DEFAULT_FAKE_CREDENTIALS } from '../src/testing/fake-seed';

// One anonymous end user per browser, as FastGPT's own share page does: a share link needs no key.
const uidKey = 'fastgpt-react-demo-uid';
const outLinkUid = localStorage.getItem(uidKey) ?? `demo-${crypto.randomUUID()}`;
localStorage.setItem(uidKey, outLinkUid);

const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : params.get('theme') === 'light' ? 'light' : 'auto';
const locale = params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en';

// The log and chart routes need a signed-in member (a session token); the fake's owner stands in for one.
function AnalyticsDemo() {
  return (
    <FastGPTProvider
      options={{
        baseUrl: location.origin,
        appId: DEFAULT_FAKE_CREDENTIALS.appId,
        token: DEFAULT_FAKE_CREDENTIALS.userToken,
      }}
    >
      <AnalyticsPanel theme={theme} locale={locale} defaultFilters={{ preset: '30d' }} />
    </FastGPTProvider>
  );
}

function Demo() {
  if (params.get('page') === 'analytics') {
    document.querySelector('.demo')?.classList.add('demo-analytics');
    return <AnalyticsDemo />;
  }
  return (
    <FastGPTProvider
      options={{
        baseUrl: location.origin,
        appId: DEFAULT_FAKE_CREDENTIALS.appId,
        shareLink: { shareId: DEFAULT_FAKE_CREDENTIALS.shareId, outLinkUid },
        timeout: 15_000,
      }}
    >
      <ChatWindow theme={theme} locale={locale} className="demo-chat" showHistory />
    </FastGPTProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  );
}
