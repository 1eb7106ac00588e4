import type { BundledLanguage } from 'shiki';
import { type CodeHighlighterLoader, fontStylesFromFlags } from '../src';

/**
 * Syntax highlighting for the demo's ChatWindow with shiki, loaded the first time a code block with a
 * language settles (the README shows the same loader).
 */
export const loadHighlighter: CodeHighlighterLoader = async () => {
  const { createHighlighter } = await import('shiki');
  const shiki = await createHighlighter({
    themes: ['github-dark'],
    langs: ['ts', 'tsx', 'js', 'json', 'python', 'bash', 'css', 'html', 'sql'],
  });
  const loaded = new Set<string>(shiki.getLoadedLanguages());
  return {
    highlight: (code, lang) =>
      shiki
        // A fence in a language that was not loaded stays plain instead of failing.
        .codeToTokensBase(code, {
          lang: loaded.has(lang) ? (lang as BundledLanguage) : 'text',
          theme: 'github-dark',
        })
        .map((line) =>
          line.map(({ content, color, fontStyle }) => ({
            content,
            color,
            fontStyle: fontStylesFromFlags(fontStyle),
          })),
        ),
  };
};
