'use client';

const FORBIDDEN =
  'script, iframe, object, embed, svg, math, style, link, meta, base, form, frame, frameset, applet';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'srcset',
];

/** Every reason the rendered DOM is unsafe (empty when safe). */
export function unsafeParts(root: Element): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll(FORBIDDEN)) problems.push(`<${element.tagName.toLowerCase()}>`);
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} on <${element.tagName.toLowerCase()}>`);
      if (name === 'style' && !/^text-align: (left|center|right);$/.test(attribute.value)) {
        problems.push(`style="${attribute.value}"`);
      }
      if (URL_ATTRIBUTES.includes(name)) {
        const protocol = new URL(attribute.value, 'https://relative.invalid/').protocol;
        const allowed = name === 'href' ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
        if (!allowed.includes(protocol) || !/^(https?|mailto):/i.test(attribute.value)) {
          problems.push(`${name}="${attribute.value}"`);
        }
      }
    }
  }
  return problems;
}
