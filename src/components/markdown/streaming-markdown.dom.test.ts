import fc from 'fast-check';
import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, type MarkdownLexer } from './lex-markdown';
import { longReply, markdownDocument, tokenize } from './markdown-fixtures.test-helpers';
import { createStreamingMarkdown, type MarkdownSnapshot } from './streaming-markdown';

const contentTokens = (tokens: readonly Token[]) => JSON.stringify(tokens.filter((t) => t.type !== 'space'));
const allTokens = (snapshot: MarkdownSnapshot) => [
  ...snapshot.blocks.flatMap((block) => block.tokens),
  ...(snapshot.tail?.tokens ?? []),
];

/** Feeds `text` cut at `cuts` (sorted offsets), then ends the stream. */
function streamWithCuts(text: string, cuts: number[]) {
  const stream = createStreamingMarkdown();
  for (const cut of cuts) stream.update(text.slice(0, cut), true);
  return stream.update(text, false);
}

const cutsOf = (text: string) =>
  fc
    .array(fc.nat({ max: text.length }), { maxLength: 25 })
    .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b));

describe('createStreamingMarkdown', () => {
  it('settles finished blocks and keeps only the last block in the tail', () => {
    const stream = createStreamingMarkdown();
    stream.update('# Title\n\nFirst paragraph.\n\nSecond', true);
    const snapshot = stream.update('# Title\n\nFirst paragraph.\n\nSecond paragraph\n', true);
    expect(snapshot.blocks.map((block) => block.raw)).toEqual(['# Title\n\n', 'First paragraph.\n\n']);
    expect(snapshot.tail?.raw).toBe('Second paragraph\n');
    expect(snapshot.tail?.settled).toBe(false);
  });

  it('returns the same snapshot, blocks array and block objects when nothing settles', () => {
    const stream = createStreamingMarkdown();
    const first = stream.update('Intro.\n\nA growing para', true);
    const second = stream.update('Intro.\n\nA growing paragraph', true);
    expect(second.blocks).toBe(first.blocks);
    expect(stream.update('Intro.\n\nA growing paragraph', true)).toBe(second);
  });

  it('renders an unterminated fence as a code token while it streams', () => {
    const snapshot = createStreamingMarkdown().update('Look:\n\n```ts\nconst a = 1;\n', true);
    const code = allTokens(snapshot).find((token) => token.type === 'code');
    expect(code).toMatchObject({ lang: 'ts', text: 'const a = 1;' });
  });

  it('holds back a citation marker cut short at the end while streaming, and shows it when done', () => {
    const stream = createStreamingMarkdown();
    for (const partial of ['See [', 'See [654f2e49', 'See [654f2e49b64caef1d9431e8b](CI']) {
      expect(stream.update(partial, true).tail?.raw).toBe('See ');
    }
    expect(stream.update('See [654f2e49b64caef1d9431e8b](CITE)', true).tail?.raw).toContain('(CITE)');
    expect(createStreamingMarkdown().update('See [abc', false).tail?.raw).toBe('See [abc');
  });

  it('normalizes CRLF even when CR and LF arrive in different chunks', () => {
    const stream = createStreamingMarkdown();
    stream.update('a\r', true);
    const snapshot = stream.update('a\r\n\r\nb\r\n', false);
    expect(
      allTokens(snapshot)
        .map((token) => token.raw)
        .join(''),
    ).toBe('a\n\nb\n');
  });

  it('starts over when the text is not an append', () => {
    const stream = createStreamingMarkdown();
    stream.update('# One\n\nBody one\n', true);
    const snapshot = stream.update('# Two\n\nBody\n', false);
    expect(
      allTokens(snapshot)
        .map((token) => token.raw)
        .join(''),
    ).toBe('# Two\n\nBody\n');
  });

  it('resolves reference definitions that stream in after the link', () => {
    const stream = createStreamingMarkdown();
    stream.update('See [docs].\n\nMore text\n\n', true);
    const snapshot = stream.update('See [docs].\n\nMore text\n\n[docs]: https://example.com/docs\n', false);
    expect(snapshot.definitions.get('docs')).toEqual({ href: 'https://example.com/docs', title: null });
  });

  it('numbers citations by first appearance across settled blocks and the tail', () => {
    const a = '654f2e49b64caef1d9431e8b';
    const b = '654f2e49b64caef1d9431e8c';
    const snapshot = createStreamingMarkdown().update(
      `x [${b}](CITE)\n\ny [${a}](CITE) [${b}](CITE)\n`,
      true,
    );
    expect([...(snapshot.tail?.citationOrder ?? [])]).toEqual([
      [b, 1],
      [a, 2],
    ]);
  });

  it('lexes to the same tokens as one whole-document lex, for any chunking (property)', () => {
    fc.assert(
      fc.property(
        markdownDocument.chain((text) => fc.tuple(fc.constant(text), cutsOf(text))),
        ([text, cuts]) => {
          const whole = lexMarkdown(text.replace(/\r\n?/g, '\n'));
          expect(contentTokens(allTokens(streamWithCuts(text, cuts)))).toBe(contentTokens(whole));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lexes to the same tokens as one whole-document lex for random markdown-ish noise (property)', () => {
    const pieces = [...'-*#>` \n\n|[]()!1.ax~:\t<_=+', '```', '    ', '- ', '1. ', '[x]: /u'];
    const noise = fc.array(fc.constantFrom(...pieces), { maxLength: 100 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        noise.chain((text) => fc.tuple(fc.constant(text), cutsOf(text))),
        ([text, cuts]) => {
          expect(contentTokens(allTokens(streamWithCuts(text, cuts)))).toBe(contentTokens(lexMarkdown(text)));
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('parse-count contract (2,000+ token reply)', () => {
  const reply = longReply(30);
  const tokens = tokenize(reply);

  it('uses a reply of at least 20 KB and 2,000 tokens', () => {
    expect(new TextEncoder().encode(reply).length).toBeGreaterThanOrEqual(20_000);
    expect(tokens.length).toBeGreaterThanOrEqual(2_000);
  });

  it('lexes every settled block exactly once after it settles, and never lexes settled text again', () => {
    const calls: { update: number; source: string }[] = [];
    let update = 0;
    const lex: MarkdownLexer = (source) => {
      calls.push({ update, source });
      return lexMarkdown(source);
    };
    const stream = createStreamingMarkdown({ lex });
    const settledAt = new Map<number, number>();
    const lexedPerUpdate: number[] = [];
    const tailLengths: number[] = [];
    let text = '';
    for (const token of tokens) {
      text += token;
      update++;
      const before = stream.stats.lexedCharacters;
      const snapshot = stream.update(text, true);
      lexedPerUpdate.push(stream.stats.lexedCharacters - before);
      tailLengths.push(snapshot.tail?.raw.length ?? 0);
      for (const block of snapshot.blocks) if (!settledAt.has(block.id)) settledAt.set(block.id, update);
    }
    const final = stream.update(text, false);

    expect(final.blocks.length).toBeGreaterThan(200);
    for (const block of final.blocks) {
      const at = settledAt.get(block.id) ?? -1;
      const settling = calls.filter((call) => call.update === at && call.source === block.raw);
      expect(settling, `block ${block.id}`).toHaveLength(1);
      // After the update that settled it, no lexer input ever contains the block again (checked for
      // blocks whose text occurs once in the reply; `---` and the like repeat).
      if (reply.indexOf(block.raw) === reply.lastIndexOf(block.raw)) {
        expect(calls.some((call) => call.update > at && call.source.includes(block.raw))).toBe(false);
      }
    }
    expect(stream.stats.settledLexes).toBe(final.blocks.length);
    // At most two tail lexes per update (one more only when blocks settle).
    expect(stream.stats.tailLexes).toBeLessThanOrEqual(2 * tokens.length);

    // Flat cost: each update lexes at most the tail plus the blocks it settles, so the last tenth of the
    // reply costs about what the first tenth did.
    const tenth = Math.floor(lexedPerUpdate.length / 10);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const first = sum(lexedPerUpdate.slice(0, tenth));
    const last = sum(lexedPerUpdate.slice(-tenth));
    expect(last).toBeLessThanOrEqual(first * 1.3);
    expect(Math.max(...lexedPerUpdate)).toBeLessThan(3 * Math.max(...tailLengths) + 64);
    expect(contentTokens(allTokens(final))).toBe(contentTokens(lexMarkdown(reply)));
  });
});
