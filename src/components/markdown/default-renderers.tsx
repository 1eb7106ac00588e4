'use client';
import type { MarkdownCitationProps, MarkdownImageProps, MarkdownLinkProps } from './markdown-types';

/** The built-in link: opens in a new tab without an opener; plain text when its URL was dropped. */
export function MarkdownLink({ href, title, children }: MarkdownLinkProps) {
  if (href === undefined) return <span className="fgk-markdown-link-blocked">{children}</span>;
  return (
    <a className="fgk-markdown-link" href={href} title={title} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** The built-in image: lazy, or its alt text when its URL was dropped. */
export function MarkdownImage({ src, alt, title }: MarkdownImageProps) {
  if (src === undefined) return <span className="fgk-markdown-image-blocked">{alt}</span>;
  return (
    <img className="fgk-markdown-image" src={src} alt={alt} title={title} loading="lazy" decoding="async" />
  );
}

/** The built-in citation chip: a small numbered button. */
export function CitationChip({ quoteId, number, source, label, onClick }: MarkdownCitationProps) {
  return (
    <button
      type="button"
      className="fgk-citation"
      aria-label={label}
      title={source?.sourceName}
      data-quote-id={quoteId}
      data-known={source ? '' : undefined}
      onClick={onClick}
    >
      {number}
    </button>
  );
}
