import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';
import type { ChatWindowPartRenderers } from './part-renderers';

describe('ChatWindow parts', () => {
  it('the composer does not re-render while a reply streams', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    const user = userEvent.setup();
    let composerCommits = 0;
    let messageCommits = 0;
    render(
      <ChatWindow.Root>
        <Profiler id="messages" onRender={() => messageCommits++}>
          <ChatWindow.Messages />
        </Profiler>
        <Profiler id="composer" onRender={() => composerCommits++}>
          <ChatWindow.Composer />
        </Profiler>
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'show me markdown{Enter}');
    composerCommits = 0;
    messageCommits = 0;
    await waitFor(
      () => expect(document.querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
      { timeout: 10_000 },
    );
    // The log followed the stream in many frames; the composer only saw the status change to ready.
    expect(messageCommits).toBeGreaterThan(5);
    expect(composerCommits).toBeLessThanOrEqual(2);
  });

  it('a part renderer replaces the built-in view and can wrap it', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    const renderers: Partial<ChatWindowPartRenderers> = {
      text: ({ role, children }) =>
        role === 'user' ? children : <div data-testid="custom-text">{children}</div>,
    };
    render(<ChatWindow renderers={renderers} />, { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    const custom = await screen.findByTestId('custom-text');
    await waitFor(() => expect(custom).toHaveTextContent('You said: “hello”'));
    expect(screen.getAllByTestId('custom-text')).toHaveLength(1);
  });

  it('has no axe violations with a finished reply', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    const { container } = render(<ChatWindow />, { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'show me markdown{Enter}');
    await waitFor(
      () => expect(document.querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
      { timeout: 10_000 },
    );
    await expectNoAxeViolations(container);
  });

  it('keeps the draft when the window unmounts and mounts again', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    const { rerender } = render(<ChatWindow key="a" />, { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'half a thought');
    rerender(<p>elsewhere</p>);
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    rerender(<ChatWindow key="b" />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('half a thought');
  });
});
