import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seedFakeChat, setupHoldableFastGPT } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

const log = () => screen.getByRole('log');

describe('ChatWindow.Messages', () => {
  it('shows a loading row while an existing chat loads, then its messages', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, { chatId: 'c1', turns: 2 });
    render(<ChatWindow chatId="c1" />, { wrapper: setup.wrapper });
    expect(within(log()).getByRole('status')).toHaveTextContent('Loading the conversation…');
    expect(log()).toHaveAttribute('aria-busy', 'true');
    // Not the new-chat empty text while loading.
    expect(screen.queryByText('Ask a question to start the conversation.')).toBeNull();
    await waitFor(() => expect(log()).toHaveTextContent('answer 2'));
    expect(within(log()).queryByRole('status')).toBeNull();
    expect(log()).toHaveAttribute('aria-busy', 'false');
  });

  it('a failed load shows a sentence, details and Retry, which loads the chat', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    seedFakeChat(setup.fake, { chatId: 'c1', turns: 1 });
    setup.fake.injectFault({ kind: 'status', status: 500, path: '/getPaginationRecords' });
    render(<ChatWindow chatId="c1" />, { wrapper: setup.wrapper });
    await screen.findByText('The conversation could not be loaded');
    await user.click(screen.getByText('Details'));
    expect(screen.getByText(/HTTP 500/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(log()).toHaveTextContent('answer 1'));
    expect(screen.queryByText('The conversation could not be loaded')).toBeNull();
  });

  it('“Load older messages” prepends the previous page and disappears at the start', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    seedFakeChat(setup.fake, { chatId: 'c1', turns: 3 });
    render(<ChatWindow chatId="c1" chatOptions={{ pageSize: 4 }} />, { wrapper: setup.wrapper });
    await waitFor(() => expect(log()).toHaveTextContent('answer 3'));
    expect(log()).not.toHaveTextContent('question 1');
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(log()).toHaveTextContent('question 1'));
    const texts = [...log().querySelectorAll('[data-role]')].map((row) => row.textContent);
    expect(texts[0]).toContain('question 1');
    expect(texts.at(-1)).toContain('answer 3');
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('says when older messages are loading', async () => {
    const setup = setupHoldableFastGPT(/getPaginationRecords/);
    const user = userEvent.setup();
    seedFakeChat(setup.fake, { chatId: 'c1', turns: 3 });
    render(<ChatWindow chatId="c1" chatOptions={{ pageSize: 4 }} />, { wrapper: setup.wrapper });
    await waitFor(() => expect(log()).toHaveTextContent('answer 3'));
    const release = setup.hold();
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(await screen.findByText('Loading older messages…')).toBeInTheDocument();
    release();
    await waitFor(() => expect(log()).toHaveTextContent('question 1'));
  });

  it('renders custom empty and footer content in the log', async () => {
    const setup = setupFastGPT();
    const user = userEvent.setup();
    render(
      <ChatWindow.Root>
        <ChatWindow.Messages empty={<p>Welcome!</p>} footer={<p>Follow-ups</p>} />
        <ChatWindow.Composer />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    expect(within(log()).getByText('Welcome!')).toBeInTheDocument();
    expect(within(log()).queryByText('Follow-ups')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hi{Enter}');
    await waitFor(() => expect(within(log()).getByText('Follow-ups')).toBeInTheDocument());
    await waitFor(() =>
      expect(log().querySelector('[data-role="assistant"]')).toHaveAttribute('data-status', 'done'),
    );
    expect(within(log()).queryByText('Welcome!')).toBeNull();
  });
});
