'use client';
import fc from 'fast-check';

/** Quote ids used by the fixtures' citation markers. */
export const FIXTURE_QUOTE_IDS = [
  '654f2e49b64caef1d9431e8b',
  '654f2e49b64caef1d9431e8c',
  '654f2e49b64caef1d9431e8d',
];

function section(index: number): string {
  const id = FIXTURE_QUOTE_IDS[index % FIXTURE_QUOTE_IDS.length];
  const parts = [
    `## ${index + 1}. 第${index + 1}节：Streaming section ${index}`,
    `This paragraph explains step ${index} with **bold**, *emphasis*, ~~removed~~, \`inline code\` and a [link ${index}](https://example.com/docs/${index}). 根据知识库[${id}](CITE)，导演是新海诚。Some &amp; entities &lt;kept&gt; as text.`,
    `\`\`\`ts\n// block ${index}\nexport function handler${index}(input: string): number {\n  const parts = input.split(',');\n  return parts.length * ${index};\n}\n\`\`\``,
    `| Name | Value ${index} | 说明 |\n| :--- | ---: | :---: |\n| alpha | ${index * 3} | 第一 |\n| beta | ${index * 5} | 第二 |`,
    `- item one of ${index}\n- item two with **strong**\n  - nested ${index}\n- [ ] task open\n- [x] task done`,
    `1. first step ${index}\n2. second step\n3. third step`,
    `> A quote in section ${index}, 引用文字。\n> Second line.`,
    `\`\`\`python\ndef handler_${index}(items):\n    return [i * ${index} for i in items]\n\`\`\``,
  ];
  if (index % 4 === 3) parts.push('---');
  return parts.join('\n\n');
}

/** A long, realistic assistant reply: headings, code fences, tables, lists, quotes, CJK and citations. */
export function longReply(sections = 24): string {
  const out: string[] = [];
  for (let index = 0; index < sections; index++) out.push(section(index));
  return `${out.join('\n\n')}\n`;
}

/** Splits text into tokens of roughly `size` characters (never splitting a surrogate pair). */
export function tokenize(text: string, size = 10): string[] {
  const chars = Array.from(text);
  const tokens: string[] = [];
  for (let index = 0; index < chars.length; index += size)
    tokens.push(chars.slice(index, index + size).join(''));
  return tokens;
}

const FRAGMENTS = [
  '# Title',
  'Title\n===',
  'para one\nstill para',
  'para\n---',
  '- a\n- b',
  '- a\n\n- b',
  '1. x\n2. y',
  '1) x',
  '* star',
  '    indented code',
  '```js\ncode\n\nmore\n```',
  '~~~\ntilde\n~~~',
  '```\nunclosed',
  '> quote\ncontinued',
  '> q1\n\n> q2',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'a | b\n-|-',
  '<div>\n*html*\n</div>',
  '<script>\nalert(1)\n\n</script>',
  '[foo]: https://example.com "T"',
  'see [foo] and [bar][foo] and [baz]',
  '***',
  '- item\n  ```\n  nested\n  ```',
  '- [ ] t\n- [x] d',
  'text with [654f2e49b64caef1d9431e8b](CITE) cite',
  '  two-space para',
  '\tTabbed',
  'line  \nbreak',
  '<!-- comment\n\nstill -->',
  'a\r\nb\r\n',
  '- loose\n\n  continued',
  '`code span` and ``more``',
  '![img](a.png "t") *em* **st** 中文段落',
];
const SEPARATORS = ['', '\n', '\n\n', '\n\n\n', '\n \n'];

/** Markdown documents made of tricky block fragments and separators (fast-check arbitrary). */
export const markdownDocument = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));

/**
 * Serializes a DOM subtree with attributes sorted by name, so two trees compare equal when they hold the
 * same elements, attributes and text, whatever order React happened to set attributes in.
 */
export function canonicalHtml(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify(node.textContent);
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const attributes = Array.from(element.attributes)
    .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
    .sort()
    .join(' ');
  const children = Array.from(element.childNodes).map(canonicalHtml).join('');
  return `<${element.tagName.toLowerCase()} ${attributes}>${children}</>`;
}
