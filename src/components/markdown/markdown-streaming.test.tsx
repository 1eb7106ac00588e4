import { render } from '@testing-library/react';
import fc from 'fast-check';
import { Profiler, type ProfilerOnRenderCallback, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, type MarkdownLexer } from './lex-markdown';
import { Markdown } from './markdown';
import { canonicalHtml, longReply, markdownDocument, tokenize } from './markdown-fixtures.test-helpers';
import type { MarkdownCitationProps, MarkdownCodeBlockProps, MarkdownLinkProps } from './markdown-types';
import { createStreamingMarkdown } from './streaming-markdown';

// Counting renderers and lexer; `update` is the number of the update being rendered.
let update = 0;
const lexCalls: { update: number; source: string }[] = [];
const renders: { update: number; kind: string; key: string }[] = [];
const lex: MarkdownLexer = (source) => {
  lexCalls.push({ update, source });
  return lexMarkdown(source);
};
const Code = ({ code }: MarkdownCodeBlockProps) => {
  renders.push({ update, kind: 'code', key: code });
  return <pre>{code}</pre>;
};
const Link = ({ href, children }: MarkdownLinkProps) => {
  renders.push({ update, kind: 'link', key: href ?? '' });
  return <a href={href}>{children}</a>;
};
const Chip = ({ number }: MarkdownCitationProps) => {
  renders.push({ update, kind: 'chip', key: String(number) });
  return <button type="button">{number}</button>;
};
const components = { code: Code, link: Link, citation: Chip };

describe('Markdown streaming render contract (2,000+ token reply)', () => {
  it('lexes each settled block once and never re-renders settled code blocks, links or chips', {
    timeout: 20_000,
  }, () => {
    const reply = longReply(30);
    const tokens = tokenize(reply);
    expect(new TextEncoder().encode(reply).length).toBeGreaterThanOrEqual(20_000);
    expect(tokens.length).toBeGreaterThanOrEqual(2_000);

    update = 0;
    lexCalls.length = 0;
    renders.length = 0;
    let commits = 0;
    const onRender: ProfilerOnRenderCallback = () => {
      commits++;
    };

    // A twin stream tells the test which blocks are settled after each update (same algorithm, same input).
    const twin = createStreamingMarkdown();
    const settledCode = new Map<string, number>();
    const settledAt = new Map<number, number>();
    const view = (text: string, streaming: boolean) => (
      <Profiler id="markdown" onRender={onRender}>
        <Markdown text={text} streaming={streaming} lex={lex} components={{ ...components }} />
      </Profiler>
    );
    // flushSync on a plain root: one synchronous commit per update, without act()'s per-call overhead.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const container = document.createElement('div');
    const root = createRoot(container);
    const rerender = (element: ReactElement) => flushSync(() => root.render(element));
    rerender(view('', true));
    const step = (text: string, streaming: boolean) => {
      update++;
      for (const block of twin.update(text, streaming).blocks) {
        if (settledAt.has(block.id)) continue;
        settledAt.set(block.id, update);
        for (const token of block.tokens) if (token.type === 'code') settledCode.set(token.text, update);
      }
      rerender(view(text, streaming));
    };
    let text = '';
    for (const token of tokens) {
      text += token;
      step(text, true);
    }
    step(text, false);
    const final = twin.snapshot;
    expect(final.blocks.length).toBeGreaterThan(200);

    // Parses: each settled block is lexed exactly once in the update that settled it, and (for blocks
    // whose text is unique in the reply) never appears in a lexer input after that.
    for (const block of final.blocks) {
      const at = settledAt.get(block.id) ?? -1;
      expect(lexCalls.filter((call) => call.update === at && call.source === block.raw)).toHaveLength(1);
      if (reply.indexOf(block.raw) === reply.lastIndexOf(block.raw)) {
        expect(lexCalls.some((call) => call.update > at && call.source.includes(block.raw))).toBe(false);
      }
    }

    // Renders: a code block settled before an update never renders in that update.
    const codeRenders = renders.filter((record) => record.kind === 'code');
    for (const record of codeRenders) {
      const settledIn = settledCode.get(record.key) ?? Number.POSITIVE_INFINITY;
      expect(record.update, 'a settled code block rendered again').toBeLessThanOrEqual(settledIn);
    }
    // Links and chips render while their block is the tail and once on settling, never once per token
    // for the whole reply (which would be hundreds of thousands of renders).
    const links = renders.filter((record) => record.kind === 'link').length;
    const chips = renders.filter((record) => record.kind === 'chip').length;
    expect(codeRenders.length).toBeLessThan(tokens.length);
    expect(links).toBeLessThan(tokens.length / 2);
    expect(chips).toBeLessThan(tokens.length / 2);
    // One commit per update, nothing extra.
    expect(commits).toBe(tokens.length + 2);

    // The streamed DOM equals a one-shot render of the whole reply.
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
    const { container: whole } = render(<Markdown text={reply} components={components} />);
    expect(canonicalHtml(container)).toBe(canonicalHtml(whole));
    flushSync(() => root.unmount());
  });
});

describe('Markdown streaming equivalence', () => {
  it('renders the same DOM after streaming any chunking as rendering the whole text (property)', () => {
    fc.assert(
      fc.property(
        markdownDocument.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc
              .array(fc.nat({ max: text.length }), { maxLength: 12 })
              .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b)),
          ),
        ),
        ([text, cuts]) => {
          const streamed = render(<Markdown streaming text="" baseUrl="https://fastgpt.example.com" />);
          for (const cut of cuts) {
            streamed.rerender(
              <Markdown streaming text={text.slice(0, cut)} baseUrl="https://fastgpt.example.com" />,
            );
          }
          streamed.rerender(<Markdown text={text} baseUrl="https://fastgpt.example.com" />);
          const whole = render(<Markdown text={text} baseUrl="https://fastgpt.example.com" />);
          expect(canonicalHtml(streamed.container)).toBe(canonicalHtml(whole.container));
          streamed.unmount();
          whole.unmount();
        },
      ),
      { numRuns: 80 },
    );
  });
});
