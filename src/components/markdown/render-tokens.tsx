'use client';
import type { Token, Tokens } from 'marked';
import { Fragment, type ReactNode, useContext } from 'react';
import { citationId, isCiteHref } from './citation-marker';
import { decodeEntities } from './decode-entities';
import { REFERENCE_HREF_PREFIX } from './lex-markdown';
import { CitationContext, DefinitionsContext, type RenderOptions } from './markdown-context';
import { formatLabel } from './markdown-labels';
import { sanitizeUrl } from './sanitize-url';

/** What rendering one block needs besides its tokens. */
export interface RenderState {
  options: RenderOptions;
  /** Citation numbers by first appearance, up to this block. */
  citationOrder: ReadonlyMap<string, number>;
  /** True while this block is the growing tail of a streaming reply. */
  open: boolean;
}

interface InlineState extends RenderState {
  /** Autolink text is literal: character references are not decoded there. */
  literal: boolean;
}

const LANGUAGE = /^[\w+#.-]{1,32}$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function codeLanguage(token: Tokens.Code): string | undefined {
  const word = token.lang?.trim().split(/\s+/)[0];
  return word && LANGUAGE.test(word) ? word : undefined;
}

function isOpenFence(token: Tokens.Code): boolean {
  if (token.codeBlockStyle === 'indented') return false;
  const opener = FENCE.exec(token.raw)?.[1];
  if (opener === undefined) return false;
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1] ?? '';
  const closing = new RegExp(`^ {0,3}${opener[0] === '`' ? '`' : '~'}{${opener.length},}[ \\t]*$`);
  return !closing.test(last);
}

/** Plain text of inline tokens, for image alt text. */
function plainText(tokens: readonly Token[] | undefined, literal = false): string {
  let out = '';
  for (const token of tokens ?? []) {
    if (token.type === 'text') out += token.tokens ? plainText(token.tokens, literal) : text(token, literal);
    else if (token.type === 'codespan' || token.type === 'escape') out += (token as Tokens.Codespan).text;
    else if (token.type === 'image') out += plainText((token as Tokens.Image).tokens);
    else if (token.type === 'br') out += ' ';
    else if (token.type === 'html') out += token.raw;
    else {
      const generic = token as Tokens.Generic;
      if (generic.tokens) out += plainText(generic.tokens, literal || generic.autolink === true);
    }
  }
  return out;
}

function text(token: Token, literal: boolean): string {
  // `raw` is the text as written; marked's `text` is prepared for HTML output, which we never produce.
  return literal ? token.raw : decodeEntities(token.raw);
}

function ReferenceLink({ token, state }: { token: Tokens.Link | Tokens.Image; state: InlineState }) {
  const definitions = useContext(DefinitionsContext);
  const definition = definitions.get(token.href.slice(REFERENCE_HREF_PREFIX.length));
  if (definition === undefined) {
    // No definition: CommonMark shows the brackets as text; keep the inner formatting.
    const opening = token.type === 'image' ? '![' : '[';
    const head = `${opening}${token.text}]`;
    if (!token.raw.startsWith(head)) return <>{decodeEntities(token.raw)}</>;
    return (
      <>
        {opening}
        {renderInline(token.tokens, state)}
        {`]${token.raw.slice(head.length)}`}
      </>
    );
  }
  return linkOrImage(token, definition.href, definition.title ?? undefined, state);
}

function Citation({
  quoteId,
  order,
  options,
}: {
  quoteId: string;
  order: ReadonlyMap<string, number>;
  options: RenderOptions;
}) {
  const { citations, indexOf, onClick } = useContext(CitationContext);
  const index = indexOf.get(quoteId);
  let number = order.get(quoteId) ?? order.size + 1;
  if (citations !== undefined) {
    if (index !== undefined) number = index + 1;
    else {
      // Unknown ids number after the list, by first appearance among unknown ids.
      let unknownBefore = 0;
      for (const [id, position] of order) if (position < number && !indexOf.has(id)) unknownBefore++;
      number = citations.length + unknownBefore + 1;
    }
  }
  const source = index === undefined ? undefined : citations?.[index];
  const label = source?.sourceName
    ? formatLabel(options.labels.citationWithSource, { number, source: source.sourceName })
    : formatLabel(options.labels.citation, { number });
  const Chip = options.citation;
  return (
    <Chip quoteId={quoteId} number={number} source={source} label={label} onClick={() => onClick(quoteId)} />
  );
}

function linkOrImage(
  token: Tokens.Link | Tokens.Image,
  rawHref: string,
  rawTitle: string | undefined,
  state: InlineState,
) {
  const { options } = state;
  const literal = token.type === 'link' && token.autolink === true;
  const href = literal ? rawHref : decodeEntities(rawHref);
  const title = rawTitle ? decodeEntities(rawTitle) : undefined;
  if (token.type === 'image') {
    const Image = options.image;
    return (
      <Image src={sanitizeUrl(href, 'image', options.baseUrl)} alt={plainText(token.tokens)} title={title} />
    );
  }
  const children = renderInline(token.tokens, { ...state, literal });
  // A CITE link without a quote id is a marker gone wrong, not a URL.
  if (isCiteHref(href)) return <>{children}</>;
  const Link = options.link;
  return (
    <Link href={sanitizeUrl(href, 'link', options.baseUrl)} title={title}>
      {children}
    </Link>
  );
}

function renderInlineToken(token: Token, key: number, state: InlineState): ReactNode {
  switch (token.type) {
    case 'text':
      return token.tokens ? renderInline(token.tokens, state) : text(token, state.literal);
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{renderInline(token.tokens, state)}</strong>;
    case 'em':
      return <em key={key}>{renderInline(token.tokens, state)}</em>;
    case 'del':
      return <del key={key}>{renderInline(token.tokens, state)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
    case 'image': {
      const link = token as Tokens.Link | Tokens.Image;
      if (link.type === 'link') {
        const quoteId = citationId(link);
        if (quoteId !== undefined) {
          return <Citation key={key} quoteId={quoteId} order={state.citationOrder} options={state.options} />;
        }
      }
      if (link.href.startsWith(REFERENCE_HREF_PREFIX))
        return <ReferenceLink key={key} token={link} state={state} />;
      return <Fragment key={key}>{linkOrImage(link, link.href, link.title ?? undefined, state)}</Fragment>;
    }
    default:
      // Raw HTML (and anything unknown) is shown as the text it is.
      return token.raw;
  }
}

/** Renders inline tokens. */
export function renderInline(tokens: readonly Token[] | undefined, state: InlineState): ReactNode[] {
  return (tokens ?? []).map((token, index) => renderInlineToken(token, index, state));
}

function renderListItem(item: Tokens.ListItem, key: number, state: RenderState) {
  return (
    <li key={key} className={item.task ? 'fgk-markdown-task' : undefined}>
      {renderBlocks(item.tokens, { ...state, open: false })}
    </li>
  );
}

function renderTable(token: Tokens.Table, key: number, state: InlineState) {
  const style = (index: number) => {
    const align = token.align[index];
    return align ? { textAlign: align } : undefined;
  };
  return (
    <div key={key} className="fgk-markdown-table">
      <table>
        <thead>
          <tr>
            {token.header.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their column.
              <th key={index} style={style(index)}>
                {renderInline(cell.tokens, state)}
              </th>
            ))}
          </tr>
        </thead>
        {token.rows.length > 0 && (
          <tbody>
            {token.rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows only ever append.
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their column.
                  <td key={index} style={style(index)}>
                    {renderInline(cell.tokens, state)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function renderBlock(token: Token, key: number, state: RenderState, last: boolean): ReactNode {
  const inline: InlineState = { ...state, literal: false };
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{renderInline(token.tokens, inline)}</p>;
    case 'text':
      return token.tokens ? renderInline(token.tokens, inline) : text(token, false);
    case 'heading': {
      const Tag = `h${Math.min(Math.max((token as Tokens.Heading).depth, 1), 6)}` as 'h1';
      return <Tag key={key}>{renderInline(token.tokens, inline)}</Tag>;
    }
    case 'code': {
      const code = token as Tokens.Code;
      const Code = state.options.code;
      return (
        <Code
          key={key}
          code={code.text}
          language={codeLanguage(code)}
          streaming={state.open && last && isOpenFence(code)}
          labels={state.options.labels}
          highlighter={state.options.highlighter}
        />
      );
    }
    case 'blockquote':
      return (
        <blockquote key={key}>
          {renderBlocks((token as Tokens.Blockquote).tokens, { ...state, open: false })}
        </blockquote>
      );
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => renderListItem(item, index, state));
      if (!list.ordered) return <ul key={key}>{items}</ul>;
      const start = typeof list.start === 'number' ? list.start : 1;
      return (
        <ol key={key} start={start === 1 ? undefined : start}>
          {items}
        </ol>
      );
    }
    case 'checkbox':
      return (
        <input
          key={key}
          type="checkbox"
          className="fgk-markdown-task-checkbox"
          checked={(token as Tokens.Checkbox).checked}
          disabled
          aria-label={state.options.labels.task}
        />
      );
    case 'table':
      return renderTable(token as Tokens.Table, key, inline);
    case 'hr':
      return <hr key={key} />;
    case 'html':
      return (
        <p key={key} className="fgk-markdown-html">
          {token.raw.replace(/\n+$/, '')}
        </p>
      );
    default: {
      const children = (token as Tokens.Generic).tokens;
      return children ? renderInline(children, inline) : token.raw;
    }
  }
}

/** Renders block tokens (a block's top-level tokens, or the content of a list item or quote). */
export function renderBlocks(tokens: readonly Token[], state: RenderState): ReactNode[] {
  let lastContent = tokens.length - 1;
  while (lastContent >= 0 && tokens[lastContent]?.type === 'space') lastContent--;
  return tokens.map((token, index) => renderBlock(token, index, state, index === lastContent));
}
