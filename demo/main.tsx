import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnalyticsPanel, ChatWindow, type FastGPTClientOptions, FastGPTProvider } from '../src';
import { demoConfig } from './demo-config';
import { HooksChat } from './hooks-chat';
import { loadHighlighter } from './shiki-highlighter';

// Every sheet of the kit, as dist/styles.css bundles them (tokens only define variables, so order is free).
import.meta.glob('../src/styles/*.css', { eager: true });

const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : params.get('theme') === 'light' ? 'light' : 'auto';
const locale = params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en';
const timeoutParam = Number(params.get('timeout'));
// The client's timeout; for a stream it bounds the wait for the first byte and each silence.
const timeout = Number.isFinite(timeoutParam) && timeoutParam > 0 ? timeoutParam : 15_000;

/** The demo's pages, by `?page=`. */
const PAGES = {
  chat: { label: 'ChatWindow', intro: '<ChatWindow showHistory /> with the chat list, in one line of JSX.' },
  hooks: {
    label: 'Hooks',
    intro: 'A custom chat UI built only from the hooks, with plain elements and CSS.',
  },
  analytics: {
    label: 'Analytics',
    intro: '<AnalyticsPanel />: totals, charts, the log table and CSV export.',
  },
} as const;
type PageName = keyof typeof PAGES;
const page: PageName =
  (Object.keys(PAGES) as PageName[]).find((name) => name === params.get('page')) ?? 'chat';

const BACKENDS = {
  fake: 'the built-in fake FastGPT inside the Vite server (no key anywhere)',
  proxy: 'your FastGPT, through the key-holding proxy in the Vite server',
  share: 'your FastGPT, through its share link',
} as const;

// One anonymous end user per browser, as FastGPT's own share page does: a share link needs no key.
const uidKey = 'fastgpt-react-demo-uid';
const outLinkUid = localStorage.getItem(uidKey) ?? `demo-${crypto.randomUUID()}`;
localStorage.setItem(uidKey, outLinkUid);

const baseUrl = `${location.origin}${demoConfig.apiPath}`;
const chatOptions: FastGPTClientOptions = {
  baseUrl,
  timeout,
  ...(demoConfig.appId ? { appId: demoConfig.appId } : {}),
  // The proxy adds the key on the server; the fake and share modes use the share link.
  ...(demoConfig.mode !== 'proxy' && demoConfig.shareId
    ? { shareLink: { shareId: demoConfig.shareId, outLinkUid } }
    : {}),
};
// The log routes need a signed-in member: the fake's seeded owner, or the proxy's FASTGPT_TOKEN / key.
const analyticsOptions: FastGPTClientOptions = {
  baseUrl,
  timeout,
  ...(demoConfig.appId ? { appId: demoConfig.appId } : {}),
  ...(demoConfig.fakeUserToken ? { token: demoConfig.fakeUserToken } : {}),
};

function pageHref(name: PageName): string {
  const next = new URLSearchParams(params);
  next.set('page', name);
  return `?${next}`;
}

function Page() {
  if (page === 'analytics' && demoConfig.mode === 'share') {
    return (
      <p className="demo-note" role="note">
        A share link cannot read the app's logs. Run the demo with <code>FASTGPT_API_KEY</code> (and{' '}
        <code>FASTGPT_TOKEN</code> on FastGPT 4.14 and older) to see <code>&lt;AnalyticsPanel /&gt;</code>{' '}
        with your data, or without any variables to see it with the fake's.
      </p>
    );
  }
  if (page === 'analytics') {
    return (
      <FastGPTProvider options={analyticsOptions}>
        <AnalyticsPanel theme={theme} locale={locale} defaultFilters={{ preset: '30d' }} />
      </FastGPTProvider>
    );
  }
  if (page === 'hooks') {
    return (
      <FastGPTProvider options={chatOptions}>
        <HooksChat />
      </FastGPTProvider>
    );
  }
  return (
    <FastGPTProvider options={chatOptions}>
      <ChatWindow
        theme={theme}
        locale={locale}
        className="demo-chat"
        showHistory
        highlighter={loadHighlighter}
      />
    </FastGPTProvider>
  );
}

function Demo() {
  return (
    <main className="demo" data-page={page}>
      <header className="demo-header">
        <h1>fastgpt-react</h1>
        <nav aria-label="Demo pages">
          {(Object.keys(PAGES) as PageName[]).map((name) => (
            <a key={name} href={pageHref(name)} aria-current={name === page ? 'page' : undefined}>
              {PAGES[name].label}
            </a>
          ))}
        </nav>
        <p>
          {PAGES[page].intro} Talking to {BACKENDS[demoConfig.mode]}.
          {page !== 'analytics' && demoConfig.mode === 'fake' && (
            <>
              {' '}
              Try “markdown”, “reason”, “tool”, “select a city”, “form”, “cite”, “slow story”, “error” or
              “drop”.
            </>
          )}{' '}
          Add <code>?theme=dark</code> or <code>?locale=zh-CN</code> to the URL.
        </p>
      </header>
      <div className="demo-body">
        <Page />
      </div>
    </main>
  );
}

document.documentElement.dataset.theme = theme;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  );
}
