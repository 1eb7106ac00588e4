import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown';
import type { MarkdownCitationProps } from './markdown-types';

const A = '654f2e49b64caef1d9431e8b';
const B = '654f2e49b64caef1d9431e8c';
const C = '654f2e49b64caef1d9431e8d';
const Chip = ({ number, label, source, onClick }: MarkdownCitationProps) => (
  <button type="button" aria-label={label} onClick={onClick}>
    [{number}] {source?.sourceName}
  </button>
);
const chips = () => screen.getAllByRole('button', { name: /^Citation/ });

describe('citation chips', () => {
  it('numbers chips by first appearance and repeats the number for a repeated id', () => {
    render(<Markdown text={`First [${B}](CITE), then [${A}](CITE).\n\nAgain [${B}](CITE).`} />);
    expect(chips().map((chip) => [chip.textContent, chip.getAttribute('aria-label')])).toEqual([
      ['1', 'Citation 1'],
      ['2', 'Citation 2'],
      ['1', 'Citation 1'],
    ]);
  });

  it('numbers by position in the quote list and names the source', () => {
    const citations = [
      { id: A, sourceName: 'manual.pdf' },
      { id: B, sourceName: 'faq.csv' },
    ];
    render(<Markdown citations={citations} text={`x [${B}](CITE) y [${C}](CITE) z [${A}](CITE)`} />);
    expect(chips().map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Citation 2: faq.csv',
      'Citation 3',
      'Citation 1: manual.pdf',
    ]);
  });

  it('calls onCitationClick with the quote id', async () => {
    const onCitationClick = vi.fn();
    render(<Markdown onCitationClick={onCitationClick} text={`See [${A.toUpperCase()}](CITE).`} />);
    await userEvent.click(screen.getByRole('button', { name: 'Citation 1' }));
    expect(onCitationClick).toHaveBeenCalledWith(A);
  });

  it('uses the latest onCitationClick without re-rendering the chips', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Markdown onCitationClick={first} text={`See [${A}](CITE).`} />);
    rerender(<Markdown onCitationClick={second} text={`See [${A}](CITE).`} />);
    await userEvent.click(screen.getByRole('button', { name: 'Citation 1' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(A);
  });

  it('never flashes a marker split across chunks as a broken link or bracket text', () => {
    const text = `Answer [${A}](CITE) done.`;
    const { container, rerender } = render(<Markdown streaming text="" />);
    for (let end = 1; end <= text.length; end++) {
      rerender(<Markdown streaming text={text.slice(0, end)} />);
      const shown = container.textContent ?? '';
      expect(shown).not.toContain('[');
      expect(shown).not.toContain('CITE');
      expect(container.querySelector('a')).toBeNull();
    }
    expect(screen.getByRole('button', { name: 'Citation 1' })).toBeInTheDocument();
  });

  it('renders a CITE link without a quote id as plain text', () => {
    const { container } = render(<Markdown baseUrl="https://fastgpt.example.com" text="[not an id](CITE)" />);
    expect(container.querySelector('a, button')).toBeNull();
    expect(container).toHaveTextContent('not an id');
  });

  it('uses a citation override', async () => {
    const onCitationClick = vi.fn();
    render(
      <Markdown
        components={{ citation: Chip }}
        citations={[{ id: A, sourceName: 'a.md' }]}
        onCitationClick={onCitationClick}
        text={`x [${A}](CITE)`}
      />,
    );
    const chip = screen.getByRole('button', { name: 'Citation 1: a.md' });
    expect(chip).toHaveTextContent('[1] a.md');
    await userEvent.click(chip);
    expect(onCitationClick).toHaveBeenCalledWith(A);
  });
});
