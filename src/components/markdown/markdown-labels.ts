'use client';

/** Visible and accessible strings of the markdown renderer; i18n passes translated ones in. */
export interface MarkdownLabels {
  /** Visible text of a code block's copy button. */
  copy: string;
  /** Visible text of the copy button for about two seconds after a copy. */
  copied: string;
  /** Accessible name of the copy button. */
  copyCode: string;
  /** Accessible name of a code block with a language; `{language}` becomes it. */
  codeBlock: string;
  /** Accessible name of a code block without a language. */
  codeBlockPlain: string;
  /** Accessible name of a citation chip without a known source; `{number}` becomes its number. */
  citation: string;
  /** Accessible name of a citation chip with a known source; `{number}`, `{source}`. */
  citationWithSource: string;
  /** Accessible name of a task-list checkbox. */
  task: string;
}

/** English defaults of {@link MarkdownLabels}. */
export const defaultMarkdownLabels: MarkdownLabels = {
  copy: 'Copy',
  copied: 'Copied',
  copyCode: 'Copy code',
  codeBlock: '{language} code',
  codeBlockPlain: 'Code',
  citation: 'Citation {number}',
  citationWithSource: 'Citation {number}: {source}',
  task: 'Task',
};

/** Replaces `{name}` placeholders in a label template; unknown placeholders stay as written. */
export function formatLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
