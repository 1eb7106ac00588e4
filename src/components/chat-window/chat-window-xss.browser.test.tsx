import { QueryClient } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFastGPTClient } from '../../client';
import { FastGPTProvider } from '../../hooks/fastgpt-provider';
import { seedFakeChat } from '../../test-setup/hook-test-helpers';
import { createFakeFastGPT, type FakeFastGPT, type FakeScriptedReply } from '../../testing';
import type { CodeHighlighterLoader } from '../markdown';
import { XSS_FLAG, xssPayloads } from '../markdown/xss-payloads';
import { ChatWindow } from './chat-window';
import { unsafeWindowParts } from './window-xss-assertions.test-helpers';

const flags = globalThis as unknown as Record<string, unknown> & { IS_REACT_ACT_ENVIRONMENT?: boolean };
// The reply streams from the fake on its own timers, as in a page: no act() scopes, no act warnings.
flags.IS_REACT_ACT_ENVIRONMENT = false;

const SET = `window.${XSS_FLAG}=1`;
const ALL = xssPayloads.map((payload) => payload.markdown).join('\n\n');
/** A short payload for one-line places: raw HTML, a handler, and a dangerous link. */
const SHORT = `<img src=x onerror="${SET}"><script>${SET}</script>[x](javascript:${SET})`;
const CHAT_ID = 'xss-chat';

/** Where a place puts its payload before the window renders. */
interface PlaceContext {
  fake: FakeFastGPT;
  /** The reply the fake streams when the user sends a message. */
  reply: FakeScriptedReply;
}

/**
 * Every place that model output, tool results or knowledge-base text reaches in the window. `shows` is a
 * text the window must display once rendered (proof the payload got there); a new place is one line here.
 */
const places: { name: string; put: (context: PlaceContext) => void; shows?: string }[] = [
  {
    name: 'streamed answer',
    put: ({ reply }) => Object.assign(reply, { text: `Answer.\n\n${ALL}` }),
    shows: 'Answer.',
  },
  {
    name: 'reasoning',
    put: ({ reply }) => Object.assign(reply, { reasoning: `Reasoning.\n\n${ALL}` }),
    shows: 'Reasoning.',
  },
  {
    name: 'tool card',
    put: ({ reply }) =>
      Object.assign(reply, {
        tool: {
          name: `Tool ${SHORT}`,
          params: JSON.stringify({ html: ALL }),
          response: ALL,
          avatar: `javascript:${SET}`,
        },
      }),
    shows: `Tool ${SHORT}`,
  },
  {
    name: 'userSelect',
    put: ({ reply }) =>
      Object.assign(reply, {
        select: { description: `Select ${SHORT}`, options: xssPayloads.slice(0, 12).map((p) => p.markdown) },
      }),
    shows: `Select ${SHORT}`,
  },
  {
    name: 'quote source name and text',
    put: ({ reply }) =>
      Object.assign(reply, { quotes: [{ sourceName: `Source ${SHORT}`, q: `Quote ${ALL}`, a: ALL }] }),
    shows: `Source ${SHORT}`,
  },
  { name: 'running node name', put: ({ reply }) => Object.assign(reply, { nodeName: SHORT }) },
  {
    name: 'earlier turn: text, image and file',
    put: ({ fake }) => {
      const chat = fake.state.chats.get(CHAT_ID);
      chat?.items.push(
        {
          _id: '0000000000000000000a0001',
          dataId: 'xss-q0',
          obj: 'Human',
          value: [
            { type: 'text', text: { content: `Earlier ${SHORT}` } },
            { type: 'file', file: { type: 'image', url: `javascript:${SET}`, name: SHORT } },
            { type: 'file', file: { type: 'file', url: `  JaVa\tScRiPt:${SET}`, name: SHORT } },
            { type: 'file', file: { type: 'file', url: 'data:text/html;base64,PHNjcmlwdD4=', name: 'x' } },
          ],
          time: Date.now() - 10_000,
        },
        {
          _id: '0000000000000000000a0002',
          dataId: 'xss-a0',
          obj: 'AI',
          value: [{ type: 'text', text: { content: ALL } }],
          time: Date.now() - 9_000,
        },
      );
    },
    shows: `Earlier ${SHORT}`,
  },
  {
    name: 'history title',
    put: ({ fake }) => seedFakeChat(fake, { chatId: 'xss-title', customTitle: `Title ${SHORT}` }),
    shows: `Title ${SHORT}`,
  },
];

/** A hostile highlighter: keeps the text (so it is used) but offers colours that try to load URLs. */
const hostileHighlighter: CodeHighlighterLoader = async () => ({
  highlight: (code) =>
    code.split('\n').map((line) =>
      line
        .split(/(\s+)/)
        .filter(Boolean)
        .map((content, index) => ({
          content,
          color: index % 2 ? `#f00;background:url(javascript:${SET})` : `url(javascript:${SET})`,
          fontStyle: 'italic' as const,
        })),
    ),
});

const settle = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 150)));

function poke(root: Element) {
  // Give any handler that slipped through its chance to fire.
  for (const element of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error', 'animationstart', 'click']) {
      if (type === 'click' && element.closest('button, form')) continue;
      element.dispatchEvent(new Event(type));
    }
  }
}

describe('ChatWindow XSS in Chromium', () => {
  afterEach(() => {
    delete flags[XSS_FLAG];
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('positive control: the harness notices a payload that runs and the parts that would let it', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    host.innerHTML = `<img src="/missing.png" onerror="${SET}"><a href=" JaVa&#9;script:void(0)">x</a><a href="https://ok.example">y</a><iframe></iframe>`;
    await vi.waitFor(() => expect(flags[XSS_FLAG]).toBe(1), { timeout: 3_000 });
    expect(unsafeWindowParts(host)).toEqual([
      '<iframe>',
      'onerror on <img>',
      'href=" JaVa\tscript:void(0)" on <a>',
      'link without rel="noopener noreferrer":  JaVa\tscript:void(0)',
      'link without rel="noopener noreferrer": https://ok.example',
    ]);
  });

  it(`streams ${xssPayloads.length} payloads into every place of the window without running any script`, {
    timeout: 60_000,
  }, async () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    // The client's one warning about an API key in a browser (the fake's seeded chat belongs to the key).
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply: FakeScriptedReply = { chunkSize: 24 };
    const fake = createFakeFastGPT({ analytics: false, reply });
    seedFakeChat(fake, { chatId: CHAT_ID });
    for (const place of places) place.put({ fake, reply });
    const clients = createFastGPTClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      appId: fake.credentials.appId,
      maxRetries: 0,
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    const host = document.body.appendChild(document.createElement('div'));
    // Every DOM change is checked as it happens, so a dangerous state that exists only mid-stream is caught.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      for (const problem of unsafeWindowParts(host)) if (!seen.includes(problem)) seen.push(problem);
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
    const root = createRoot(host);
    root.render(
      <FastGPTProvider client={clients} queryClient={queryClient}>
        <ChatWindow chatId={CHAT_ID} baseUrl={fake.baseUrl} highlighter={hostileHighlighter} showHistory />
      </FastGPTProvider>,
    );
    await vi.waitFor(() => expect(host.querySelector('[data-role="assistant"]')).not.toBeNull(), {
      timeout: 5_000,
    });

    const user = userEvent.setup();
    const input = host.querySelector('textarea');
    if (!input) throw new Error('no composer');
    await user.click(input);
    await user.paste(SHORT);
    await user.keyboard('{Enter}');
    await vi.waitFor(
      () => {
        const replies = host.querySelectorAll('[data-role="assistant"]');
        expect(replies.length).toBe(2);
        expect(replies[1]).toHaveAttribute('data-status', 'done');
      },
      { timeout: 30_000, interval: 50 },
    );
    // Parts whose code loads on first use (history, quotes, highlighting) are all in before the checks.
    await vi.waitFor(
      () => {
        const text = host.textContent ?? '';
        for (const place of places) {
          if (place.shows !== undefined) expect(text.includes(place.shows), place.name).toBe(true);
        }
        expect(host.querySelectorAll('.fgk-code-token').length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 50 },
    );
    await settle();
    // Expand every tool card and reasoning block, then give handlers their chance.
    for (const details of host.querySelectorAll('details')) details.open = true;
    await settle();
    poke(host);
    await settle();
    observer.disconnect();

    expect(flags[XSS_FLAG]).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
    expect(unsafeWindowParts(host)).toEqual([]);
    const text = host.textContent ?? '';
    // The payloads reached the DOM as text, links that survived are safe, and the hostile colours were dropped.
    expect(text).toContain(`<script>${SET}</script>`);
    expect(host.querySelectorAll('.fgk-markdown a[href]').length).toBeGreaterThan(0);
    expect(host.querySelectorAll('.fgk-code-token[style]')).toHaveLength(0);
    root.unmount();
  });
});
