import { act, render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastGPTStreamEvent } from '../../client/types';
import type { ChatMessage } from '../../core/chat-message';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { longReply, tokenize } from '../markdown/markdown-fixtures.test-helpers';
import { ChatWindow } from './chat-window';
import { useChatWindow, useChatWindowControls } from './chat-window-context';

// Counts every lex of a block source, and every render of a message's markdown by its text.
const counts = vi.hoisted(() => ({ lex: new Map<string, number>(), markdown: new Map<string, number>() }));
vi.mock('../markdown/lex-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../markdown/lex-markdown')>();
  return {
    ...actual,
    lexMarkdown: (source: string) => {
      counts.lex.set(source, (counts.lex.get(source) ?? 0) + 1);
      return actual.lexMarkdown(source);
    },
  };
});
vi.mock('../markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../markdown')>();
  function CountingMarkdown(props: Parameters<typeof actual.Markdown>[0]) {
    counts.markdown.set(props.text, (counts.markdown.get(props.text) ?? 0) + 1);
    return <actual.Markdown {...props} />;
  }
  return { ...actual, Markdown: CountingMarkdown };
});

const FRAME = 16;
const text = (message: ChatMessage | undefined) =>
  message?.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') ?? '';

interface Seen {
  send?: (text: string) => Promise<void>;
  /** Every commit of a new chat state (the log re-renders exactly then): when, and the last message's text. */
  commits: Array<{ at: number; text: string }>;
}

/** Beside the log, reading the same context: records each commit and hands the test the window's `send`. */
function Probe({ seen }: { seen: Seen }) {
  const { chat } = useChatWindow();
  seen.send = useChatWindowControls().actions.send;
  const shown = text(chat.messages.at(-1));
  useLayoutEffect(() => {
    seen.commits.push({ at: Date.now(), text: shown });
  });
  return null;
}

describe('ChatWindow streaming contract (2,000-token reply with code blocks)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('commits at most once per frame, shows the final text within a frame, parses settled blocks once', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'],
    });
    const clockStart = Date.now();
    const reply = longReply(28);
    const tokens = tokenize(reply);
    expect(tokens.length).toBeGreaterThanOrEqual(2_000);
    const { clients, wrapper } = setupFastGPT();
    const emitted = { first: -1, last: -1 };
    vi.spyOn(clients.chat, 'streamChatCompletion').mockImplementation(async function* (request) {
      const long = request.messages[0]?.content === 'long';
      const pieces = long ? tokens : ['short ', 'reply'];
      for (const [index, piece] of pieces.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (index === 0) emitted.first = Date.now();
        emitted.last = Date.now();
        yield { type: 'answer', text: piece } as FastGPTStreamEvent;
      }
      yield { type: 'done' } as FastGPTStreamEvent;
    });

    const seen: Seen = { commits: [] };
    const { commits } = seen;
    render(
      <ChatWindow.Root>
        <Probe seen={seen} />
        <ChatWindow.Messages />
        <ChatWindow.Composer />
      </ChatWindow.Root>,
      { wrapper },
    );

    await act(async () => {
      void seen.send?.('short');
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(commits.at(-1)?.text).toBe('short reply');
    counts.lex.clear();
    counts.markdown.clear();
    commits.length = 0;

    // Outside act, React commits as it would in a browser.
    const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = environment.IS_REACT_ACT_ENVIRONMENT;
    environment.IS_REACT_ACT_ENVIRONMENT = false;
    let start: number;
    try {
      start = Date.now();
      void seen.send?.('long');
      await vi.advanceTimersByTimeAsync(tokens.length * 1.2 + 200);
    } finally {
      environment.IS_REACT_ACT_ENVIRONMENT = previous;
    }
    expect(commits.at(-1)?.text).toBe(reply);

    // At most one commit per frame, plus the at-once flushes (submitted, first token, end).
    const frames = Math.ceil((emitted.last - start) / FRAME);
    expect(commits.length).toBeGreaterThan(frames / 2);
    expect(commits.length).toBeLessThanOrEqual(frames + 4);
    const perFrame = new Map<number, number>();
    for (const commit of commits) {
      const frame = Math.floor((commit.at - clockStart) / FRAME);
      perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    }
    expect(Math.max(...perFrame.values())).toBeLessThanOrEqual(3);
    // The final text is on screen within one frame of the last event.
    const final = commits.find((c) => c.text === reply);
    expect((final?.at ?? Number.POSITIVE_INFINITY) - emitted.last).toBeLessThan(FRAME);
    expect([...document.querySelectorAll('[data-role="assistant"]')].at(-1)).toHaveTextContent('handler27');

    // The settled reply's markdown never rendered again.
    expect(counts.markdown.get('short reply') ?? 0).toBe(0);
    // Every settled block was lexed once when it settled (plus at most once as the tail, in the frame where it
    // arrived whole); after that never again, while the growing tail is re-lexed each frame.
    const settledBlocks = [...counts.lex.keys()].filter(
      (source) => source.endsWith('\n\n') && reply.includes(source),
    );
    expect(settledBlocks.length).toBeGreaterThan(100);
    // A block that repeats word for word, like `---`, counts once per occurrence.
    const relexed = settledBlocks.filter(
      (source) => (counts.lex.get(source) ?? 0) > 2 * (reply.split(source).length - 1),
    );
    expect(relexed).toEqual([]);
  });
});
