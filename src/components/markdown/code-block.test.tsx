import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown';

describe('code block copy button', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('copies the code, shows "Copied" for about two seconds, then resets', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<Markdown text={'```sh\nnpm i fastgpt-react\n```'} />);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    const button = await screen.findByRole('button', { name: 'Copied' });
    expect(await navigator.clipboard.readText()).toBe('npm i fastgpt-react');
    expect(button).toHaveTextContent('Copied');
    expect(button).toHaveAttribute('data-state', 'copied');
    await act(async () => {
      vi.advanceTimersByTime(1_900);
    });
    expect(button).toHaveTextContent('Copied');
    await act(async () => {
      vi.advanceTimersByTime(200);
    });
    expect(button).toHaveTextContent('Copy');
    expect(button).toHaveAccessibleName('Copy code');
  });

  it('uses the labels passed in', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <Markdown
        text={'```\nx\n```'}
        labels={{ copy: '复制', copied: '已复制', copyCode: '复制代码', codeBlockPlain: '代码' }}
      />,
    );
    expect(screen.getByRole('figure', { name: '代码' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '复制代码' }));
    expect(await screen.findByRole('button', { name: '已复制' })).toHaveTextContent('已复制');
  });

  it('stays in the idle state when the clipboard refuses', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    render(<Markdown text={'```\nx\n```'} />);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(screen.getByRole('button', { name: 'Copy code' })).toHaveAttribute('data-state', 'idle');
  });
});
