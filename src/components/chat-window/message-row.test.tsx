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

// Counts commits of each message's toolbar (its own re-renders included) by the message's first text.
const toolbarCommits = vi.hoisted(() => new Map<string, number>());
vi.mock('./message-actions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./message-actions')>();
  const { Profiler } = await import('react');
  function CountingMessageActions(props: Parameters<typeof actual.MessageActions>[0]) {
    const part = props.message.parts.find((p) => p.type === 'text');
    const key = `${props.message.role}: ${part?.type === 'text' ? part.text : ''}`;
    const count = () => toolbarCommits.set(key, (toolbarCommits.get(key) ?? 0) + 1);
    return (
      <Profiler id={key} onRender={count}>
        <actual.MessageActions {...props} />
      </Profiler>
    );
  }
  return { ...actual, MessageActions: CountingMessageActions };
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

  it('renders the toolbars of settled messages only when the chat turns busy or ready, not per frame', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 25 } });
    const user = userEvent.setup();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    const input = screen.getByRole('textbox', { name: 'Message' });
    const assistants = () => document.querySelectorAll('[data-role="assistant"]');
    // The chat's status, which turns ready only after the reply's last frame.
    const ready = () =>
      expect(document.querySelector('[data-slot="chat-window"]')).toHaveAttribute('data-status', 'ready');

    await user.type(input, 'first question{Enter}');
    await waitFor(() => expect(assistants()[0]).toHaveAttribute('data-status', 'done'));
    await waitFor(ready);
    const firstReply = [...toolbarCommits.keys()].find((key) => key.startsWith('assistant: '));
    expect(firstReply).toContain('first question');
    expect(toolbarCommits.get('user: first question')).toBeGreaterThan(0);
    toolbarCommits.clear();
    renders.clear();

    await user.type(input, 'second question, long enough for its echo to stream in many frames{Enter}');
    await waitFor(() => expect(assistants()[1]).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
    await waitFor(ready);
    // The second reply streamed in many frames…

    expect(renders.size).toBeGreaterThan(5);
    // …while each settled toolbar committed at most for busy, for no longer being the last reply, and for
    // ready again (and Regenerate moved to the new reply).
    expect(toolbarCommits.get(firstReply ?? '')).toBeGreaterThan(0);
    expect(toolbarCommits.get(firstReply ?? '')).toBeLessThanOrEqual(3);
    expect(toolbarCommits.get('user: first question')).toBeLessThanOrEqual(2);
    // The new question's toolbar: its mount, and ready.
    expect(
      toolbarCommits.get('user: second question, long enough for its echo to stream in many frames'),
    ).toBeLessThanOrEqual(2);
    const regenerate = screen.getAllByRole('button', { name: 'Regenerate' });
    expect(regenerate).toHaveLength(1);
    expect(assistants()[1]).toContainElement(regenerate[0] as HTMLElement);
  });

  it('inline renderers and highlighter on a re-rendering parent do not re-render settled replies', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    const view = (tick: number) => (
      <ChatWindow
        data-tick={tick}
        renderers={{ tool: ({ children }) => children }}
        highlighter={async () => ({ highlight: (code) => [[{ content: code }]] })}
      />
    );
    const { rerender } = render(view(0), { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'inline question{Enter}');
    await waitFor(() =>
      expect(document.querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
    );
    const settled = [...renders.keys()].filter((text) => text.includes('inline question')).at(-1) ?? '';
    const before = renders.get(settled);
    for (let tick = 1; tick <= 5; tick++) rerender(view(tick));
    expect(renders.get(settled)).toBe(before);
  });
});
