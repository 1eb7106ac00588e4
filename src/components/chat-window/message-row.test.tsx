import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

// Counts renders of each text part by its text: a settled row that re-rendered would render its text again.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../markdown')>();
  function CountingMarkdown(props: Parameters<typeof actual.Markdown>[0]) {
    renders.set(props.text, (renders.get(props.text) ?? 0) + 1);
    return <actual.Markdown {...props} />;
  }
  return { ...actual, Markdown: CountingMarkdown };
});

describe('MessageRow', () => {
  it('never re-renders a settled reply while the next one streams', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 25 } });
    const user = userEvent.setup();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    const input = screen.getByRole('textbox', { name: 'Message' });
    const assistants = () => document.querySelectorAll('[data-role="assistant"]');

    await user.type(input, 'first question{Enter}');
    await waitFor(() => expect(assistants()[0]).toHaveAttribute('data-status', 'done'));
    const settledText = assistants()[0]?.querySelector('.fgk-markdown')?.textContent ?? '';
    const settled = [...renders.keys()].filter((text) => text.includes('first question')).at(-1) ?? '';
    expect(settledText).toBe(settled);
    const before = renders.get(settled);

    await user.type(input, 'second question{Enter}');
    await waitFor(() => expect(assistants()[1]).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
    // The second reply streamed in several commits…
    const final = [...renders.keys()].filter((text) => text.includes('second question')).at(-1) ?? '';
    const streamed = [...renders.keys()].filter((text) => text !== '' && final.startsWith(text));
    expect(streamed.length).toBeGreaterThan(2);
    // …and the first reply's text part rendered not once more.
    expect(renders.get(settled)).toBe(before);
  });
});
