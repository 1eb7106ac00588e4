import { act, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { CodeBlock } from './code-block';
import {
  type CodeHighlighter,
  type CodeHighlighterLoader,
  type CodeToken,
  fontStylesFromFlags,
} from './code-highlighter';
import { safeTokenColor } from './highlight-check.lazy';
import { Markdown } from './markdown';
import type { MarkdownCodeBlockProps } from './markdown-types';
import { createStreamingMarkdown } from './streaming-markdown';

/** A highlighter that splits lines at spaces and colours words found in `colors`. */
function wordHighlighter(
  colors: Record<string, string>,
  extra: (token: CodeToken) => CodeToken = (token) => token,
): CodeHighlighter {
  return {
    highlight: (code) =>
      code.split('\n').map((line) =>
        line
          .split(/( +)/)
          .filter(Boolean)
          .map((word) => extra({ content: word, color: colors[word] })),
      ),
  };
}

const loaderOf = (highlighter: CodeHighlighter) =>
  vi.fn<CodeHighlighterLoader>(() => Promise.resolve(highlighter));

/** A loader whose promise the test settles. */
function deferredLoader(highlighter: CodeHighlighter) {
  let resolve: () => void = () => {};
  const loader = vi.fn<CodeHighlighterLoader>(
    () =>
      new Promise((done) => {
        resolve = () => done(highlighter);
      }),
  );
  return { loader, resolve: () => act(async () => resolve()) };
}

const TS = '```ts\nconst answer = 42\n```';
const tokensOf = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>('.fgk-code-token'));
const codeOf = (name: string) =>
  within(screen.getByRole('figure', { name })).getByText((_, element) => element?.tagName === 'CODE');

afterEach(() => {
  vi.restoreAllMocks();
});

// Commits of code blocks, by code text and the update (`at`) being rendered.
const commits: { code: string; at: number }[] = [];
let at = 0;
const onRender: ProfilerOnRenderCallback = (id) => {
  commits.push({ code: id, at });
};
/** The built-in block, wrapped so the profiler reports every commit inside it (its own state updates too). */
const Counted = (props: MarkdownCodeBlockProps) => (
  <Profiler id={props.code} onRender={onRender}>
    <CodeBlock {...props} />
  </Profiler>
);

describe('lazy code highlighting', () => {
  it('never loads the highlighter for a reply without code, or with code but no language', async () => {
    const loader = loaderOf(wordHighlighter({}));
    const { rerender } = render(<Markdown text="# Title\n\nJust `inline` text." highlighter={loader} />);
    rerender(<Markdown text={'# Title\n\n```\nplain code\n```'} highlighter={loader} />);
    rerender(<Markdown text={'    indented code\n'} highlighter={loader} />);
    await act(async () => {});
    expect(loader).not.toHaveBeenCalled();
    expect(screen.getByText('indented code')).toBeInTheDocument();
  });

  it('loads it once for several code blocks in several replies, and highlights each', async () => {
    const loader = loaderOf(wordHighlighter({ const: '#ff7b72', print: 'rgb(210, 168, 255)' }));
    const text = `${TS}\n\n\`\`\`python\nprint ( 1 )\n\`\`\`\n\n${TS.replace('42', '43')}`;
    const { container } = render(
      <>
        <Markdown text={text} highlighter={loader} />
        <Markdown text={TS} highlighter={loader} />
      </>,
    );
    await waitFor(() => expect(tokensOf(container)).toHaveLength(4));
    expect(loader).toHaveBeenCalledTimes(1);
    expect(tokensOf(container).map((token) => [token.textContent, token.style.color])).toEqual([
      ['const', 'rgb(255, 123, 114)'],
      ['print', 'rgb(210, 168, 255)'],
      ['const', 'rgb(255, 123, 114)'],
      ['const', 'rgb(255, 123, 114)'],
    ]);
    expect(screen.getByRole('figure', { name: 'python code' })).toHaveAttribute('data-highlighted');
    expect(codeOf('python code')).toHaveTextContent('print ( 1 )');
  });

  it('waits while the fence streams and loads once the block is closed', async () => {
    const loader = loaderOf(wordHighlighter({ const: '#ff7b72' }));
    const { rerender, container } = render(<Markdown text="Here:" streaming highlighter={loader} />);
    let text = 'Here:\n\n';
    for (const piece of ['```ts\n', 'const ', 'answer = ', '42\n']) {
      text += piece;
      rerender(<Markdown text={text} streaming highlighter={loader} />);
      await act(async () => {});
      expect(loader).not.toHaveBeenCalled();
    }
    expect(screen.getByRole('figure', { name: 'ts code' })).toHaveAttribute('data-streaming');
    rerender(<Markdown text={`${text}\`\`\``} streaming highlighter={loader} />);
    await waitFor(() => expect(tokensOf(container)).toHaveLength(1));
    expect(loader).toHaveBeenCalledTimes(1);
    rerender(<Markdown text={`${text}\`\`\`\n\nDone.`} highlighter={loader} />);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(codeOf('ts code')).toHaveTextContent('const answer = 42');
  });

  it('puts only strict colour values into style.color and drops the rest', async () => {
    const good = {
      a: '#abc',
      b: '#aabbccdd',
      c: 'rgba(1, 2, 3, 0.5)',
      d: 'hsl(120deg 50% 40%)',
      e: 'var(--my-keyword)',
      f: '--my-string',
    };
    const bad = {
      g: 'red',
      h: 'url(javascript:alert(1))',
      i: '#fff;background:url(https://evil.example/x)',
      j: 'expression(alert(1))',
      k: 'rgb(1,2,3);background:red',
      l: 'var(--x);color:red',
      m: '#ggg',
      n: 'rgb(var(--a), 2, 3)',
    };
    const words = [...Object.keys(good), ...Object.keys(bad)];
    const loader = loaderOf(
      wordHighlighter({ ...good, ...bad }, (token) =>
        token.content === 'g' ? { ...token, fontStyle: ['italic', 'bold', 'blink' as never] } : token,
      ),
    );
    const { container } = render(
      <Markdown text={`\`\`\`txt\n${words.join(' ')}\n\`\`\``} highlighter={loader} />,
    );
    await waitFor(() => expect(tokensOf(container).length).toBeGreaterThan(0));
    const styled = Object.fromEntries(
      tokensOf(container).map((token) => [token.textContent, token.getAttribute('style')]),
    );
    expect(styled).toEqual({
      a: 'color: rgb(170, 187, 204);',
      b: 'color: rgba(170, 187, 204, 0.867);',
      c: 'color: rgba(1, 2, 3, 0.5);',
      d: expect.stringMatching(/^color: /),
      e: 'color: var(--my-keyword);',
      f: 'color: var(--my-string);',
      // A bad colour leaves no style; a font style alone still makes a span.
      g: null,
    });
    expect(tokensOf(container).find((token) => token.textContent === 'g')).toHaveAttribute(
      'data-font-style',
      'italic bold',
    );
    expect(codeOf('txt code')).toHaveTextContent(words.join(' '));
    for (const value of Object.values(bad)) expect(safeTokenColor(value), value).toBeUndefined();
    for (const value of Object.values(good)) expect(safeTokenColor(value), value).toBeDefined();
  });

  it.each([
    ['drops text', (code: string) => [[{ content: code.slice(1) }]]],
    ['changes text', (code: string) => [[{ content: code.toUpperCase(), color: '#f00' }]]],
    ['adds text', (code: string) => [[{ content: `${code}<script>` }]]],
    ['returns no lines', () => 'not tokens' as never],
    ['returns tokens without text', () => [[{ color: '#f00' }]] as never],
  ])('shows plain code when the highlighter %s', async (_, highlight) => {
    const loader = loaderOf({ highlight });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<Markdown text={TS} highlighter={loader} />);
    await waitFor(() => expect(loader).toHaveBeenCalled());
    await act(async () => {});
    expect(tokensOf(container)).toEqual([]);
    expect(codeOf('ts code').textContent).toBe('const answer = 42');
    expect(codeOf('ts code').children).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows plain code and warns once when the loader rejects', async () => {
    const loader = vi.fn<CodeHighlighterLoader>(() => Promise.reject(new Error('chunk failed')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(
      <>
        <Markdown text={`${TS}\n\n${TS.replace('42', '43')}`} highlighter={loader} />
        <Markdown text={TS} highlighter={loader} />
      </>,
    );
    await waitFor(() => expect(warn).toHaveBeenCalled());
    await act(async () => {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/highlighter failed to load/);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(tokensOf(container)).toEqual([]);
    expect(container.querySelectorAll('code')).toHaveLength(3);
    expect(container).toHaveTextContent('const answer = 43');
  });

  it('shows plain code and warns once when highlight throws', async () => {
    const loader = loaderOf({
      highlight: (_, language) => {
        throw new Error(`unknown language ${language}`);
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(
      <Markdown text={`${TS}\n\n\`\`\`cobol\nDISPLAY 'HI'\n\`\`\``} highlighter={loader} />,
    );
    await waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    await act(async () => {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(tokensOf(container)).toEqual([]);
    expect(container).toHaveTextContent("DISPLAY 'HI'");
  });

  it('renders settled code blocks once more when the tokens arrive, and not at all during later streaming', async () => {
    commits.length = 0;
    const components = { code: Counted };
    const { loader, resolve } = deferredLoader(wordHighlighter({ const: '#ff7b72' }));
    const view = (text: string, streaming: boolean) => (
      <Markdown text={text} streaming={streaming} highlighter={loader} components={components} />
    );
    /** Streams `reply` one character per update; returns the update in which each code block settled. */
    const stream = (reply: string, first: number) => {
      const twin = createStreamingMarkdown();
      const seen = new Set<number>();
      const settledAt = new Map<string, number>();
      const { rerender, container } = render(view('', true));
      for (let length = 1; length <= reply.length + 1; length++) {
        at = first + length;
        const done = length > reply.length;
        const text = reply.slice(0, length);
        for (const block of twin.update(text, !done).blocks) {
          if (seen.has(block.id)) continue;
          seen.add(block.id);
          for (const token of block.tokens) if (token.type === 'code') settledAt.set(token.text, at);
        }
        rerender(view(text, !done));
      }
      return { settledAt, container };
    };
    const rendersAfterSettling = (settledAt: Map<string, number>) =>
      commits.filter((commit) => commit.at > (settledAt.get(commit.code) ?? Number.POSITIVE_INFINITY));

    const blocks = ['const a = 1', 'const b = 2', 'const c = 3'];
    const reply = `${blocks.map((code, index) => `Step ${index}:\n\n\`\`\`ts\n${code}\n\`\`\`\n\n`).join('')}Done.\n\nThat is all.\n\nBye.`;
    const first = stream(reply, 0);
    expect([...first.settledAt.keys()].sort()).toEqual(blocks);
    expect(rendersAfterSettling(first.settledAt)).toEqual([]);
    expect(loader).toHaveBeenCalledTimes(1);

    at = Number.MAX_SAFE_INTEGER;
    await resolve();
    await waitFor(() => expect(tokensOf(first.container)).toHaveLength(3));
    const onTokens = commits.filter((commit) => commit.at === Number.MAX_SAFE_INTEGER);
    expect(onTokens.map((commit) => commit.code).sort()).toEqual(blocks);

    // A second reply streams after the highlighter is ready: each block is highlighted in the render that
    // settles it, with no extra render.
    commits.length = 0;
    const more = blocks.map((code) => code.replace('const', 'const x'));
    const second = stream(
      `${more.map((code) => `\`\`\`ts\n${code}\n\`\`\`\n\n`).join('')}Done.\n\nThat is all.\n\nBye.`,
      1_000_000,
    );
    await act(async () => {});
    expect([...second.settledAt.keys()].sort()).toEqual(more);
    expect(tokensOf(second.container)).toHaveLength(3);
    expect(rendersAfterSettling(second.settledAt)).toEqual([]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('has no axe violations with highlighted code', async () => {
    const loader = loaderOf(
      wordHighlighter({ const: '#ff7b72' }, (token) => ({ ...token, fontStyle: 'italic' })),
    );
    const { container } = render(<Markdown text={TS} highlighter={loader} />);
    await waitFor(() => expect(tokensOf(container).length).toBeGreaterThan(0));
    await expectNoAxeViolations(container);
  });

  it('maps shiki font-style flags', () => {
    expect(fontStylesFromFlags(undefined)).toBeUndefined();
    expect(fontStylesFromFlags(0)).toBeUndefined();
    expect(fontStylesFromFlags(-1)).toBeUndefined();
    expect(fontStylesFromFlags(1)).toEqual(['italic']);
    expect(fontStylesFromFlags(3)).toEqual(['italic', 'bold']);
    expect(fontStylesFromFlags(12)).toEqual(['underline', 'strikethrough']);
  });
});
