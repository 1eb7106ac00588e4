'use client';

/** The global every payload tries to set; a test fails if it ever becomes truthy. */
export const XSS_FLAG = '__fgkXss';

const SET = `window.${XSS_FLAG}=1`;
const SET_B64 = btoa(`<script>${SET}</script>`);

/** One XSS attempt written in model output. */
export interface XssPayload {
  /** What the payload tries. */
  name: string;
  /** The markdown a model (or a poisoned knowledge base) might produce. */
  markdown: string;
}

/**
 * Markdown XSS payloads: raw HTML, event handlers, dangerous URL schemes (plain, mixed-case,
 * entity-encoded, with control characters), SVG, frames, style tricks, reference links, autolinks and
 * nested brackets. Every one would set `window.__fgkXss` (or call `alert`) if it ever executed.
 */
export const xssPayloads: readonly XssPayload[] = [
  { name: 'script tag', markdown: `<script>${SET}</script>` },
  { name: 'script tag inline', markdown: `Hello <script>${SET}</script> world` },
  { name: 'script with data src', markdown: `<SCRIPT SRC="data:text/javascript,${SET}"></SCRIPT>` },
  { name: 'img onerror', markdown: `<img src=x onerror="${SET}">` },
  { name: 'img onerror inline, mixed case', markdown: `text <IMG SRC=x OnErRoR=${SET}> text` },
  { name: 'svg onload', markdown: `<svg onload="${SET}"></svg>` },
  { name: 'svg with script', markdown: `<svg><script>${SET}</script></svg>` },
  {
    name: 'svg animate href',
    markdown: `<svg><a><animate attributeName=href values=javascript:${SET} /><text y=20>x</text></a></svg>`,
  },
  { name: 'iframe javascript src', markdown: `<iframe src="javascript:${SET}"></iframe>` },
  { name: 'iframe srcdoc', markdown: `<iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>"></iframe>` },
  { name: 'object data', markdown: `<object data="javascript:${SET}"></object>` },
  { name: 'embed src', markdown: `<embed src="javascript:${SET}">` },
  { name: 'html anchor javascript', markdown: `<a href="javascript:${SET}">click</a>` },
  { name: 'html anchor entity-encoded', markdown: `<a href="&#106;avascript:${SET}">click</a>` },
  { name: 'style url', markdown: `<div style="background:url(javascript:${SET})">x</div>` },
  { name: 'style expression', markdown: `<div style="width: expression(${SET})">x</div>` },
  { name: 'style tag import', markdown: `<style>@import 'javascript:${SET}';</style>` },
  { name: 'body onload', markdown: `<body onload="${SET}">` },
  { name: 'details ontoggle', markdown: `<details open ontoggle="${SET}"><summary>x</summary></details>` },
  { name: 'input autofocus onfocus', markdown: `<input autofocus onfocus="${SET}">` },
  {
    name: 'mutation XSS via math/style',
    markdown: `<math><mtext><table><mglyph><style><img src=x onerror=${SET}>`,
  },
  { name: 'meta refresh', markdown: `<meta http-equiv="refresh" content="0;url=javascript:${SET}">` },
  { name: 'form action', markdown: `<form action="javascript:${SET}"><button>go</button></form>` },
  { name: 'base href', markdown: '<base href="javascript:/">' },
  { name: 'HTML comment hiding a tag', markdown: `<!--<img src=x onerror=${SET}>-->` },
  { name: 'custom element onclick', markdown: `<x-y onclick="${SET}">click</x-y>` },
  { name: 'markdown link javascript', markdown: `[click](javascript:${SET})` },
  { name: 'markdown link mixed case', markdown: `[click](JaVaScRiPt:${SET})` },
  { name: 'markdown link decimal entity', markdown: `[click](&#106;avascript:${SET})` },
  { name: 'markdown link hex entities', markdown: `[click](&#x6A;&#x61;vascript:${SET})` },
  { name: 'markdown link named entity colon', markdown: `[click](javascript&colon;${SET})` },
  { name: 'markdown link tab entity in scheme', markdown: `[click](java&#9;script:${SET})` },
  { name: 'markdown link newline entity in scheme', markdown: `[click](java&#10;script:${SET})` },
  { name: 'markdown link raw tab in scheme', markdown: `[click](<java\tscript:${SET}>)` },
  { name: 'markdown link leading control character', markdown: `[click](&#1;javascript:${SET})` },
  { name: 'markdown link leading spaces in brackets', markdown: `[click](<  javascript:${SET}>)` },
  { name: 'markdown link vbscript', markdown: '[click](vbscript:msgbox(1))' },
  { name: 'markdown link data html', markdown: `[click](data:text/html;base64,${SET_B64})` },
  { name: 'markdown link file', markdown: '[click](file:///etc/passwd)' },
  { name: 'markdown link protocol-relative', markdown: '[click](//evil.example/steal)' },
  { name: 'markdown link backslash protocol-relative', markdown: '[click](\\\\evil.example/steal)' },
  {
    name: 'markdown link title breakout',
    markdown: `[click](https://ok.example "a\\" onmouseover=\\"${SET}")`,
  },
  { name: 'markdown image javascript', markdown: `![img](javascript:${SET})` },
  {
    name: 'markdown image data svg',
    markdown: `![img](data:image/svg+xml;base64,${btoa(`<svg onload="${SET}"/>`)})`,
  },
  { name: 'markdown image attribute breakout', markdown: `![img](x"onerror="${SET})` },
  {
    name: 'markdown image title breakout',
    markdown: `![x](https://ok.example/a.png "x\\" onerror=\\"${SET}")`,
  },
  { name: 'reference link javascript', markdown: `[click][evil]\n\n[evil]: javascript:${SET}` },
  { name: 'reference image entity-encoded', markdown: `![pic][evil]\n\n[evil]: &#x6A;avascript:${SET}` },
  { name: 'reference link defined first, mixed case', markdown: `[evil]: JAVASCRIPT:${SET}\n\n[evil]` },
  { name: 'autolink javascript', markdown: `<javascript:${SET}>` },
  { name: 'autolink vbscript', markdown: '<vbscript:msgbox(1)>' },
  { name: 'autolink data', markdown: `<data:text/html;base64,${SET_B64}>` },
  { name: 'nested brackets link in link text', markdown: `[[inner](javascript:${SET})](https://ok.example)` },
  { name: 'nested brackets link in destination', markdown: `[a]([b](javascript:${SET}))` },
  { name: 'citation id with javascript href', markdown: `[654f2e49b64caef1d9431e8b](javascript:${SET})` },
  { name: 'code span with script', markdown: `\`<script>${SET}</script>\`` },
  { name: 'fenced html code', markdown: `\`\`\`html\n<script>${SET}</script>\n\`\`\`` },
  { name: 'table cell html', markdown: `| a |\n|---|\n| <img src=x onerror=${SET}> |` },
  { name: 'heading with handler', markdown: `# <span onmouseover="${SET}">x</span>` },
  { name: 'entity-encoded tag', markdown: `&lt;img src=x onerror=${SET}&gt;` },
  { name: 'alert call', markdown: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' },
];
