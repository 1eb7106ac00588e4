// The composer is the window's one <form>; forms from model output are caught by their action attributes.
const SCRIPT_CAPABLE = 'script, iframe, frame, object, embed, applet, base, meta';
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'srcset',
  'data',
]);
const DANGEROUS_SCHEME = /^(?:javascript|data|vbscript):/;

/** What a browser sees of a URL attribute: entity-free already, so percent-decode and drop controls. */
function normalizedUrl(value: string): string {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Malformed escapes stay as written; the browser would not decode them either.
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: URL parsing drops these, so the check must too.
  return decoded.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
}

/**
 * Every reason a rendered chat window is unsafe (empty when safe): script-capable elements, `on*`
 * attributes, URL attributes with `javascript:`/`data:`/`vbscript:` (after decoding and trimming), styles
 * that load URLs or run expressions, and links without `rel="noopener noreferrer"`.
 */
export function unsafeWindowParts(root: Element): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll(SCRIPT_CAPABLE)) problems.push(`<${element.localName}>`);
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${element.localName}>`);
      if (URL_ATTRIBUTES.has(name) && DANGEROUS_SCHEME.test(normalizedUrl(attribute.value))) {
        problems.push(`${name}="${attribute.value}" on <${element.localName}>`);
      }
      if (name === 'style' && /url\(|expression|javascript:|@import/i.test(attribute.value)) {
        problems.push(`style="${attribute.value}" on <${element.localName}>`);
      }
    }
  }
  for (const link of root.querySelectorAll('a[href], area[href]')) {
    const rel = new Set((link.getAttribute('rel') ?? '').split(/\s+/));
    if (!rel.has('noopener') || !rel.has('noreferrer')) {
      problems.push(`link without rel="noopener noreferrer": ${link.getAttribute('href')}`);
    }
  }
  return problems;
}
