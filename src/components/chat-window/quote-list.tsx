'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { QuoteItem } from '../../client/types';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel, sanitizeUrl } from '../markdown';
import type { QuoteReveal } from './quote-reveal';
import { primaryScore } from './quote-score';

/** Props of {@link QuoteList}. */
export interface QuoteListProps {
  /** The reply's quotes, in the order the reply's citation chips are numbered by. */
  citations: readonly QuoteItem[];
  /** The channel the reply's citation chips reveal quotes through; the list opens and focuses the quote. */
  reveal?: QuoteReveal;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

interface NumberedQuote {
  quote: QuoteItem;
  /** Lower-case id, as citation chips name it. */
  id: string;
  /** The number the reply's chip shows for this quote. */
  number: number;
}

const HTTP_URL = /^https?:\/\//i;

/** A link for the quote's source: link collections keep their web address as `sourceId`; files have none. */
function sourceUrl(quote: QuoteItem): string | undefined {
  const { sourceId } = quote;
  if (typeof sourceId !== 'string' || !HTTP_URL.test(sourceId.trim())) return undefined;
  return sanitizeUrl(sourceId.trim(), 'link', undefined);
}

function scoreText(quote: QuoteItem, strings: ChatWindowStrings): string | undefined {
  const score = primaryScore(quote.score);
  if (!score) return undefined;
  const value = score.value.toFixed(2);
  if (score.type === undefined) return value;
  return formatLabel(strings.quoteScore, { type: strings.quoteScoreTypes[score.type] ?? score.type, value });
}

/**
 * The sources a reply cites, under the reply: a collapsed "N sources" toggle; opened, one row per quote with
 * the number its citation chip shows, the source name (a link when the source is a web page) and the primary
 * score, each expanding to the quote's text as plain text. A citation chip opens the list at its quote.
 */
export function QuoteList({ citations, reveal, strings }: QuoteListProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focusRequest, setFocusRequest] = useState<{ id: string } | undefined>();
  const toggles = useRef(new Map<string, HTMLButtonElement>());

  const quotes = useMemo(() => {
    const seen = new Set<string>();
    const out: NumberedQuote[] = [];
    citations.forEach((quote, index) => {
      const id = String(quote.id).toLowerCase();
      // Chips number a repeated id by its first position, so later copies would only confuse.
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ quote, id, number: index + 1 });
    });
    return out;
  }, [citations]);

  const quotesRef = useRef(quotes);
  useEffect(() => {
    quotesRef.current = quotes;
  });

  useEffect(
    () =>
      reveal?.subscribe((quoteId) => {
        const id = quoteId.toLowerCase();
        if (!quotesRef.current.some((q) => q.id === id)) return;
        setOpen(true);
        setExpanded((current) => (current.has(id) ? current : new Set(current).add(id)));
        // A new object each time, so pressing the same chip twice focuses the quote again.
        setFocusRequest({ id });
      }),
    [reveal],
  );

  useEffect(() => {
    if (!focusRequest) return;
    const toggle = toggles.current.get(focusRequest.id);
    toggle?.focus();
    toggle?.scrollIntoView?.({ block: 'nearest' });
  }, [focusRequest]);

  const toggleQuote = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const count = quotes.length;
  return (
    <div className="fgk-quote-list" data-slot="chat-window-quotes" data-state={open ? 'open' : 'closed'}>
      <button
        type="button"
        className="fgk-details-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="fgk-details-chevron" aria-hidden="true" />
        {count === 1 ? strings.sourcesOne : formatLabel(strings.sources, { count })}
      </button>
      <ol id={listId} className="fgk-quote-items" aria-label={strings.sourcesLabel} hidden={!open}>
        {quotes.map(({ quote, id, number }) => {
          const source = quote.sourceName?.trim() || strings.sourceUnknown;
          const isExpanded = expanded.has(id);
          const textId = `${listId}-${number}`;
          const url = sourceUrl(quote);
          const score = scoreText(quote, strings);
          return (
            <li
              key={id}
              className="fgk-quote"
              data-slot="chat-window-quote"
              data-quote-id={id}
              data-state={isExpanded ? 'open' : 'closed'}
            >
              <div className="fgk-quote-head">
                <button
                  type="button"
                  className="fgk-quote-toggle"
                  aria-expanded={isExpanded}
                  aria-controls={textId}
                  aria-label={formatLabel(strings.quoteToggle, { number, source })}
                  ref={(element) => {
                    if (element) toggles.current.set(id, element);
                    else toggles.current.delete(id);
                  }}
                  onClick={() => toggleQuote(id)}
                >
                  <span className="fgk-details-chevron" aria-hidden="true" />
                  <span className="fgk-quote-number">{number}</span>
                  {/* A space keeps the visible text ("1 FAQ.md") inside the spoken name (WCAG 2.5.3). */}{' '}
                  <span className="fgk-quote-source">{source}</span>
                </button>
                {url && (
                  <a className="fgk-quote-link" href={url} target="_blank" rel="noopener noreferrer">
                    <span className="fgk-visually-hidden">
                      {formatLabel(strings.quoteOpenSource, { source })}
                    </span>
                    <span aria-hidden="true">↗</span>
                  </a>
                )}
                {score !== undefined && <span className="fgk-quote-score">{score}</span>}
              </div>
              <div id={textId} className="fgk-quote-text" hidden={!isExpanded}>
                {typeof quote.q === 'string' && quote.q !== '' && <p>{quote.q}</p>}
                {typeof quote.a === 'string' && quote.a !== '' && <p>{quote.a}</p>}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
