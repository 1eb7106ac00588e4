'use client';
import { memo, useContext, useMemo, useRef } from 'react';
import { RenderOptionsContext } from './markdown-context';
import { renderBlocks } from './render-tokens';
import type { MarkdownBlock } from './streaming-markdown';

/** Props of {@link MarkdownBlockView}. */
export interface MarkdownBlockViewProps {
  /** The block to render; settled blocks keep their identity, so this component skips them. */
  block: MarkdownBlock;
  /** True while the block is the growing tail of a streaming reply. */
  open: boolean;
}

/** Renders one block's tokens; memoized on the block object. */
export const MarkdownBlockView = memo(function MarkdownBlockView({ block, open }: MarkdownBlockViewProps) {
  const options = useContext(RenderOptionsContext);
  return renderBlocks(block.tokens, { options, citationOrder: block.citationOrder, open });
});

/** Blocks per page: the unit a token's render walks besides the page list. */
export const BLOCK_PAGE_SIZE = 32;

const NO_BLOCKS: readonly MarkdownBlock[] = [];

interface BlockPageProps {
  blocks: readonly MarkdownBlock[];
  tail: MarkdownBlock | undefined;
  open: boolean;
}

// Settled blocks are grouped into memoized pages so that a token re-renders one page, not every block of
// a long reply. The tail lives in the page it will settle into, so it keeps its parent and key then.
const BlockPage = memo(function BlockPage({ blocks, tail, open }: BlockPageProps) {
  return (
    <>
      {blocks.map((block) => (
        <MarkdownBlockView key={block.id} block={block} open={false} />
      ))}
      {tail && <MarkdownBlockView key={tail.id} block={tail} open={open} />}
    </>
  );
});

/**
 * Splits settled blocks into pages of {@link BLOCK_PAGE_SIZE}, reusing the previous page arrays whose
 * content did not change, so memoized pages skip.
 */
export function useBlockPages(blocks: readonly MarkdownBlock[]): readonly (readonly MarkdownBlock[])[] {
  const cache = useRef<readonly (readonly MarkdownBlock[])[]>([]);
  return useMemo(() => {
    const previous = cache.current;
    const pages: (readonly MarkdownBlock[])[] = [];
    for (let start = 0; start < blocks.length; start += BLOCK_PAGE_SIZE) {
      const end = Math.min(start + BLOCK_PAGE_SIZE, blocks.length);
      const old = previous[pages.length];
      const same =
        old?.length === end - start && old[0] === blocks[start] && old[old.length - 1] === blocks[end - 1];
      pages.push(same && old ? old : blocks.slice(start, end));
    }
    cache.current = pages;
    return pages;
  }, [blocks]);
}

/** Props of {@link MarkdownBlocksView}. */
export interface MarkdownBlocksViewProps {
  /** Settled blocks. */
  blocks: readonly MarkdownBlock[];
  /** The unsettled tail, if any. */
  tail: MarkdownBlock | undefined;
  /** True while the tail is still growing. */
  open: boolean;
}

/** Renders settled blocks in memoized pages, then the tail in the page it belongs to. */
export function MarkdownBlocksView({ blocks, tail, open }: MarkdownBlocksViewProps) {
  const pages = useBlockPages(blocks);
  const tailPage = Math.floor(blocks.length / BLOCK_PAGE_SIZE);
  return (
    <>
      {pages.map((page, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a page is its position; blocks inside carry ids.
        <BlockPage key={index} blocks={page} tail={index === tailPage ? tail : undefined} open={open} />
      ))}
      {tailPage === pages.length && tail && (
        <BlockPage key={tailPage} blocks={NO_BLOCKS} tail={tail} open={open} />
      )}
    </>
  );
}
