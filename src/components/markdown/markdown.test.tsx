import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import type { MarkdownCodeBlockProps, MarkdownImageProps, MarkdownLinkProps } from './markdown-types';

const BASE = 'https://fastgpt.example.com';

const Code = ({ code, language }: MarkdownCodeBlockProps) => (
  <pre data-testid="code">{`${language}:${code}`}</pre>
);
const Link = ({ href, children }: MarkdownLinkProps) => (
  <span data-testid="link" data-href={href}>
    {children}
  </span>
);
const Image = ({ src, alt }: MarkdownImageProps) => (
  <span data-testid="image" data-src={src}>
    {alt}
  </span>
);

describe('Markdown', () => {
  it('renders headings, emphasis, strong, strikethrough, inline code and line breaks', () => {
    const { container } = render(
      <Markdown text={'# One\n\n### Three\n\nA *em* **strong** ~~del~~ `code` end  \nnext\\\nlast'} />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'One' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Three' })).toBeInTheDocument();
    expect(container.querySelector('em')).toHaveTextContent('em');
    expect(container.querySelector('strong')).toHaveTextContent('strong');
    expect(container.querySelector('del')).toHaveTextContent('del');
    expect(container.querySelector('p code')).toHaveTextContent('code');
    expect(container.querySelectorAll('br')).toHaveLength(2);
    expect(container.firstElementChild).toHaveClass('fgk-markdown');
  });

  it('renders fenced and indented code blocks with a language label, data-language and a copy button', () => {
    const { container } = render(<Markdown text={'```python title\nprint(1)\n```\n\n    indented()\n'} />);
    const python = screen.getByRole('figure', { name: 'python code' });
    expect(python).toHaveAttribute('data-language', 'python');
    expect(within(python).getByText('print(1)').tagName).toBe('CODE');
    expect(within(python).getByRole('button', { name: 'Copy code' })).toHaveTextContent('Copy');
    const plain = screen.getByRole('figure', { name: 'Code' });
    expect(plain).toHaveAttribute('data-language', '');
    expect(within(plain).getByText('indented()')).toBeInTheDocument();
    expect(container.querySelectorAll('pre')).toHaveLength(2);
  });

  it('renders block quotes, rules, ordered, unordered, nested and task lists', () => {
    const { container } = render(
      <Markdown
        text={'> quoted **text**\n\n---\n\n3. three\n4. four\n\n- a\n  - nested\n- [x] done\n- [ ] todo\n'}
      />,
    );
    expect(container.querySelector('blockquote strong')).toHaveTextContent('text');
    expect(container.querySelector('hr')).toBeInTheDocument();
    const ordered = container.querySelector('ol');
    expect(ordered).toHaveAttribute('start', '3');
    expect(within(ordered as HTMLElement).getAllByRole('listitem')).toHaveLength(2);
    expect(container.querySelector('ul ul li')).toHaveTextContent('nested');
    const boxes = screen.getAllByRole('checkbox', { name: 'Task' });
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, false]);
    for (const box of boxes) expect(box).toBeDisabled();
  });

  it('renders GFM tables with column alignment', () => {
    render(<Markdown text={'| L | C | R | N |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n'} />);
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((cell) => cell.style.textAlign)).toEqual(['left', 'center', 'right', '']);
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['1', '2', '3', '4']);
    expect(cells[2]?.style.textAlign).toBe('right');
  });

  it('renders links, autolinks and images with safe attributes', () => {
    render(
      <Markdown
        baseUrl={BASE}
        text={
          '[docs](https://example.com/a "Title") <https://x.example/> www.example.org <me@example.com>\n\n![a *cat*](https://img.example/cat.png)'
        }
      />,
    );
    const docs = screen.getByRole('link', { name: 'docs' });
    expect(docs).toHaveAttribute('href', 'https://example.com/a');
    expect(docs).toHaveAttribute('title', 'Title');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'https://x.example/' })).toHaveAttribute(
      'href',
      'https://x.example/',
    );
    expect(screen.getByRole('link', { name: 'www.example.org' })).toHaveAttribute(
      'href',
      'http://www.example.org/',
    );
    expect(screen.getByRole('link', { name: 'me@example.com' })).toHaveAttribute(
      'href',
      'mailto:me@example.com',
    );
    expect(screen.getByRole('img', { name: 'a cat' })).toHaveAttribute('src', 'https://img.example/cat.png');
  });

  it('resolves relative link and image URLs against baseUrl', () => {
    render(
      <Markdown baseUrl={`${BASE}/`} text={'[file](/api/file/1?x=2#h) ![chart](/api/system/img/c.png)'} />,
    );
    expect(screen.getByRole('link', { name: 'file' })).toHaveAttribute('href', `${BASE}/api/file/1?x=2#h`);
    expect(screen.getByRole('img', { name: 'chart' })).toHaveAttribute('src', `${BASE}/api/system/img/c.png`);
  });

  it('keeps relative URLs relative when there is no baseUrl', () => {
    render(<Markdown text={'[file](docs/a.md)'} />);
    expect(screen.getByRole('link', { name: 'file' })).toHaveAttribute('href', 'docs/a.md');
  });

  it('drops disallowed URLs: link text without href, image as its alt text', () => {
    const { container } = render(
      <Markdown
        text={'[bad](javascript:alert(1)) ![pic](data:image/png;base64,AAAA) [ftp](ftp://x.example/f)'}
      />,
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    expect(container).toHaveTextContent('bad pic ftp');
  });

  it('resolves reference-style links, including definitions that come later, through the same filter', () => {
    render(
      <Markdown
        text={
          '[ok][a], [bad][b], [missing][c] and [a].\n\n[a]: https://example.com/ref "Ref"\n[b]: javascript:alert(1)\n'
        }
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['ok', 'a']);
    expect(links[0]).toHaveAttribute('href', 'https://example.com/ref');
    expect(links[0]).toHaveAttribute('title', 'Ref');
    expect(screen.getByText(/\[missing\]\[c\]/)).toBeInTheDocument();
  });

  it('renders raw HTML, block and inline, as literal text', () => {
    const { container } = render(
      <Markdown text={'<div class="x">\n<b>hi</b>\n</div>\n\nInline <i>tag</i> & <br>.'} />,
    );
    expect(container.querySelector('div.x, b, i')).toBeNull();
    expect(container.querySelector('br')).toBeNull();
    expect(container).toHaveTextContent('<div class="x"> <b>hi</b> </div>');
    expect(container).toHaveTextContent('Inline <i>tag</i> & <br>.');
  });

  it('decodes character references once and never re-reads them as markup', () => {
    const { container } = render(
      <Markdown text={'&lt;script&gt; &amp;lt; &#60;b&#62; &copy; &unknown; `&amp;`'} />,
    );
    const paragraph = container.querySelector('p');
    expect(paragraph?.firstChild?.textContent).toBe('<script> &lt; <b> © &unknown; ');
    expect(paragraph?.querySelector('code')).toHaveTextContent('&amp;');
    expect(container.querySelector('script, b')).toBeNull();
  });

  it('uses overrides for code blocks, links and images', () => {
    render(
      <Markdown
        baseUrl={BASE}
        components={{ code: Code, link: Link, image: Image }}
        text={'```js\nx()\n```\n\n[a](/b) [c](javascript:x) ![d](/e.png)'}
      />,
    );
    expect(screen.getByTestId('code')).toHaveTextContent('js:x()');
    const [safe, unsafe] = screen.getAllByTestId('link');
    expect(safe).toHaveAttribute('data-href', `${BASE}/b`);
    expect(unsafe).not.toHaveAttribute('data-href');
    expect(screen.getByTestId('image')).toHaveAttribute('data-src', `${BASE}/e.png`);
  });

  it('shows an unterminated fence as a code block while streaming', () => {
    render(<Markdown streaming text={'Here:\n\n```ts\nconst x = 1;\nconst y'} />);
    const code = screen.getByRole('figure', { name: 'ts code' });
    expect(code).toHaveAttribute('data-streaming');
    expect(code).toHaveTextContent('const y');
  });

  it('passes through className and other div props', () => {
    render(<Markdown text="hi" className="extra" data-testid="md" aria-live="off" />);
    const root = screen.getByTestId('md');
    expect(root).toHaveClass('fgk-markdown', 'extra');
    expect(root).toHaveAttribute('aria-live', 'off');
  });
});
