'use client';

/** Where a URL is used: links allow http, https and mailto; images only http and https. */
export type UrlKind = 'link' | 'image';

const ALLOWED: Record<UrlKind, ReadonlySet<string>> = {
  link: new Set(['http:', 'https:', 'mailto:']),
  image: new Set(['http:', 'https:']),
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// WHATWG URL parsing strips these from both ends and drops tab and newlines anywhere, so
// `java\tscript:` means `javascript:` to a browser; the check must see what the browser will see.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const OTHER_CONTROLS = /[\u0000-\u001f\u007f]/;
// `//host`, `\\host`, `/\host`: protocol-relative forms that leave the FastGPT origin.
const PROTOCOL_RELATIVE = /^[/\\]{2}/;

function resolve(url: string, base: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/**
 * Returns a URL that is safe to put in an `href` (kind `link`) or `src` (kind `image`), or undefined to
 * drop it. Absolute URLs must use an allowed protocol. Relative URLs are resolved against `baseUrl` (the
 * FastGPT origin) when given, else kept relative. Character references must already be decoded.
 */
export function sanitizeUrl(url: string, kind: UrlKind, baseUrl?: string): string | undefined {
  const cleaned = url.replace(EDGE_CONTROLS, '').replace(TAB_OR_NEWLINE, '');
  if (cleaned === '' || OTHER_CONTROLS.test(cleaned) || PROTOCOL_RELATIVE.test(cleaned)) return undefined;
  const scheme = SCHEME.exec(cleaned)?.[1];
  if (scheme !== undefined) {
    if (!ALLOWED[kind].has(`${scheme.toLowerCase()}:`)) return undefined;
    const absolute = resolve(cleaned, 'https://invalid.invalid/');
    return absolute && ALLOWED[kind].has(absolute.protocol) ? absolute.href : undefined;
  }
  if (baseUrl === undefined || baseUrl === '') return cleaned;
  const resolved = resolve(cleaned, baseUrl);
  if (resolved === undefined) return cleaned;
  return ALLOWED[kind].has(resolved.protocol) ? resolved.href : undefined;
}
