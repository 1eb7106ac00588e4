import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import type { CodeHighlighter, CodeHighlighterLoader } from '../markdown';
import { ChatWindow } from './chat-window';

/** Colours every `const` keyword. */
const keywords: CodeHighlighter = {
  highlight: (code) =>
    code.split('\n').map((line) =>
      line
        .split(/(\bconst\b)/)
        .filter(Boolean)
        .map((content) => ({ content, color: content === 'const' ? '#ff7b72' : undefined })),
    ),
};

async function ask(text: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Message' }), text);
  await user.keyboard('{Enter}');
}

const lastReplyDone = () =>
  waitFor(
    () => {
      const replies = screen.getByRole('log').querySelectorAll('[data-role="assistant"]');
      expect(replies[replies.length - 1]).toHaveAttribute('data-status', 'done');
    },
    { timeout: 5_000 },
  );

describe('ChatWindow highlighter', () => {
  it('loads the highlighter only for a reply with code, once, and highlights its code blocks', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 1 } });
    const loader = vi.fn<CodeHighlighterLoader>(async () => keywords);
    render(<ChatWindow highlighter={loader} />, { wrapper: setup.wrapper });

    await ask('hello');
    await lastReplyDone();
    expect(loader).not.toHaveBeenCalled();

    await ask('markdown please');
    await lastReplyDone();
    const tsBlock = screen.getByRole('figure', { name: 'ts code' });
    await waitFor(() => expect(tsBlock).toHaveAttribute('data-highlighted'));
    expect(loader).toHaveBeenCalledTimes(1);
    const token = tsBlock.querySelector<HTMLElement>('.fgk-code-token');
    expect(token).toHaveTextContent('const');
    expect(token?.style.color).toBe('rgb(255, 123, 114)');
    expect(screen.getByRole('figure', { name: 'tsx code' })).toHaveAttribute('data-highlighted');
    expect(tsBlock).toHaveTextContent("import { createFastGPTClient } from 'fastgpt-react/client';");
  });

  it('shows code plain without a highlighter', async () => {
    const setup = setupFastGPT();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    await ask('markdown please');
    await lastReplyDone();
    expect(screen.getByRole('figure', { name: 'ts code' })).not.toHaveAttribute('data-highlighted');
    expect(document.querySelector('.fgk-code-token')).toBeNull();
  });
});
