import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

// As when a deploy replaced the chunks or the network dropped: these parts' code never arrives.
vi.mock('./forms.lazy', () => {
  throw new Error('Failed to fetch dynamically imported module: forms.lazy.js');
});
vi.mock('./message-actions.lazy', () => {
  throw new Error('Failed to fetch dynamically imported module: message-actions.lazy.js');
});

describe('parts whose code fails to load', () => {
  it('leave the window working: the chat streams, the form says so, sends are not held for it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    const app = setup.fake.state.apps.get(setup.appId);
    if (app) {
      app.chatConfig = {
        ...app.chatConfig,
        variables: [{ key: 'name', label: '称呼', type: 'input', required: true }],
      };
    }
    const user = userEvent.setup();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    expect(await screen.findByRole('alert')).toHaveTextContent('This part could not be loaded');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'still here?{Enter}');
    await waitFor(() =>
      expect(document.querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
    );
    expect(screen.getByRole('log')).toHaveTextContent('still here?');
    // No toolbar, but no crash either.
    expect(document.querySelector('[data-slot="chat-window-message-actions"]')).toBeNull();
  });
});
