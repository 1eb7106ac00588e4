import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import type { AppVariable } from '../../client/types';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { seedFakeChat, setupHoldableFastGPT } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';
import { ChatWindowWelcome } from './chat-window-welcome';

const VARIABLES: AppVariable[] = [
  { key: 'uid', label: '用户ID', type: 'input', required: true },
  { key: 'name', label: '称呼', type: 'input', required: true, maxLength: 8, description: '我们怎么称呼你' },
  { key: 'age', label: '年龄', type: 'numberInput', required: false, min: 1, max: 120 },
  // An old server's select: `enums` instead of `list`.
  {
    key: 'lang',
    label: '语言',
    type: 'select',
    required: false,
    enums: [{ value: '中文' }, { value: 'English' }],
  },
  { key: 'vip', label: '会员', type: 'switch', required: false, defaultValue: false },
  { key: 'token', label: '内部令牌', type: 'internal', defaultValue: 't-1' },
  { key: 'ext', label: '外部变量', type: 'custom' },
];

function renderWelcome({ variables = VARIABLES, welcomeText = '**你好**，我是知识库助手。' } = {}) {
  const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
  const app = setup.fake.state.apps.get(setup.appId);
  if (!app) throw new Error('no seeded app');
  app.chatConfig = { ...app.chatConfig, welcomeText, variables };
  const user = userEvent.setup();
  const view = render(
    // The default layout shows the welcome inside the log before the first message.
    <ChatWindow variables={{ uid: 'u-42' }} />,
    { wrapper: setup.wrapper },
  );
  const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { ...setup, user, view, completions };
}

const welcome = () => screen.getByRole('region', { name: 'Welcome' });
const queryWelcome = () => screen.queryByRole('region', { name: 'Welcome' });
const variablesForm = () => within(welcome()).getByRole('form', { name: 'Before you start' });
const composer = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

describe('ChatWindowWelcome', () => {
  it('shows the welcome text as markdown and a form of the visible variables before the first message', async () => {
    renderWelcome();
    const strong = await screen.findByText('你好', { selector: 'strong' });
    expect(welcome()).toContainElement(strong);
    const form = await within(welcome()).findByRole('form', { name: 'Before you start' });
    expect(within(form).getByRole('textbox', { name: '称呼' })).toBeRequired();
    expect(within(form).getByRole('textbox', { name: '称呼' })).toHaveAccessibleDescription('我们怎么称呼你');
    expect(within(form).getByRole('textbox', { name: '年龄' })).not.toBeRequired();
    expect(
      within(form)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', '中文', 'English']);
    expect(within(form).getByRole('switch', { name: '会员' })).not.toBeChecked();
    // Internal and caller-set variables are not asked for, nor is the key the Root's `variables` prop sets.
    for (const hidden of ['内部令牌', '外部变量', '用户ID']) {
      expect(within(form).queryByLabelText(hidden)).not.toBeInTheDocument();
    }
  });

  it('refuses to send while a required variable is empty, keeps the draft, says why and focuses the field', async () => {
    const { user, completions } = renderWelcome();
    const name = await within(await screen.findByRole('form', { name: 'Before you start' })).findByRole(
      'textbox',
      { name: '称呼' },
    );
    await user.type(composer(), '你好');
    await user.keyboard('{Enter}');

    expect(screen.getByText('Fill in the required fields above before sending.')).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('我们怎么称呼你 This field is required.');
    expect(composer()).toHaveValue('你好');
    expect(completions()).toHaveLength(0);

    // The Send button is refused the same way.
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(completions()).toHaveLength(0);

    await user.type(name, '小明');
    expect(screen.queryByText('Fill in the required fields above before sending.')).not.toBeInTheDocument();
    await user.type(within(variablesForm()).getByRole('textbox', { name: '年龄' }), '30');
    await user.selectOptions(within(variablesForm()).getByRole('combobox', { name: '语言' }), 'English');
    await user.click(within(variablesForm()).getByRole('switch', { name: '会员' }));
    await user.click(composer());
    await user.keyboard('{Enter}');

    await waitFor(() => expect(completions()).toHaveLength(1));
    const body = completions()[0]?.body as { variables: Record<string, unknown> };
    expect(body.variables).toMatchObject({ uid: 'u-42', name: '小明', age: 30, lang: 'English', vip: true });
    // The welcome gives way to the conversation.
    await waitFor(() => expect(queryWelcome()).not.toBeInTheDocument());
    expect(screen.getByRole('log')).toHaveTextContent('你好');
  });

  it('refuses an out-of-range variable with its reason', async () => {
    const { user, completions } = renderWelcome();
    const form = await screen.findByRole('form', { name: 'Before you start' });
    await user.type(within(form).getByRole('textbox', { name: '称呼' }), '小明');
    const age = within(form).getByRole('textbox', { name: '年龄' });
    await user.type(age, '200');
    await user.type(composer(), 'hi{Enter}');
    expect(age).toHaveFocus();
    expect(age).toHaveAccessibleDescription('Enter a number of at most 120.');
    expect(completions()).toHaveLength(0);
    expect(composer()).toHaveValue('hi');
  });

  it('sends at once when no variable is required', async () => {
    const { user, completions } = renderWelcome({
      variables: [{ key: 'age', label: '年龄', type: 'numberInput', required: false }],
    });
    await screen.findByRole('form', { name: 'Before you start' });
    await user.type(composer(), 'hello{Enter}');
    await waitFor(() => expect(completions()).toHaveLength(1));
    expect(screen.queryByText('Fill in the required fields above before sending.')).not.toBeInTheDocument();
  });

  it('shows a loading skeleton while the app loads', async () => {
    const setup = setupFastGPT();
    setup.fake.injectFault({ kind: 'stall', path: '/chat/init', times: 5 });
    const view = render(
      <ChatWindow.Root>
        <ChatWindowWelcome />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    expect(await within(welcome()).findByRole('status')).toHaveTextContent('Loading the app…');
    expect(welcome()).toHaveAttribute('data-state', 'loading');
    await expectNoAxeViolations(view.container);
    view.unmount();
  });

  it('says when the app could not be loaded and loads it again on Retry', async () => {
    const setup = setupFastGPT();
    setup.fake.injectFault({ kind: 'networkError', path: '/chat/init', times: 1 });
    const user = userEvent.setup();
    render(
      <ChatWindow.Root>
        <ChatWindowWelcome />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The app’s welcome and settings could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('你好，我是知识库助手。')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const setup = setupFastGPT();
    const app = setup.fake.state.apps.get(setup.appId);
    if (app) app.chatConfig = { ...app.chatConfig, variables: VARIABLES };
    render(
      <ChatWindow.Root locale="zh-CN">
        <ChatWindowWelcome />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    expect(await screen.findByRole('form', { name: '开始对话前请填写' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '欢迎' })).toBeInTheDocument();
  });

  it('does not re-render while the first reply streams', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    const user = userEvent.setup();
    let commits = 0;
    render(
      <ChatWindow.Root>
        <Profiler id="welcome" onRender={() => commits++}>
          <ChatWindowWelcome />
        </Profiler>
        <ChatWindow.Messages empty={null} />
        <ChatWindow.Composer />
      </ChatWindow.Root>,
      { wrapper: setup.wrapper },
    );
    await screen.findByText('你好，我是知识库助手。');
    await user.type(composer(), 'show me markdown{Enter}');
    const reply = () => document.querySelector('[data-role="assistant"]');
    await waitFor(() => expect(reply()).toHaveAttribute('data-status', 'streaming'));
    commits = 0;
    await waitFor(() => expect(reply()).toHaveAttribute('data-status', 'done'), { timeout: 10_000 });
    expect(commits).toBe(0);
  });

  it('has no axe violations with the variables form showing its errors', async () => {
    const { user, view } = renderWelcome();
    await screen.findByRole('form', { name: 'Before you start' });
    await user.type(composer(), 'hi{Enter}');
    await screen.findByText('Fill in the required fields above before sending.');
    await expectNoAxeViolations(view.container);
  });

  it('keeps the values typed for a new chat out of another chat opened from the history', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    const app = setup.fake.state.apps.get(setup.appId);
    if (app) app.chatConfig = { ...app.chatConfig, variables: [VARIABLES[2] as AppVariable] };
    seedFakeChat(setup.fake, { chatId: 'beta', title: 'Beta', turns: 1 });
    const user = userEvent.setup();
    render(<ChatWindow showHistory historyMode="sidebar" />, { wrapper: setup.wrapper });
    await user.type(await screen.findByRole('textbox', { name: '年龄' }), '30');
    await user.click(await screen.findByRole('button', { name: /^Beta/ }));
    await waitFor(() => expect(screen.getByRole('log')).toHaveTextContent('answer 1'));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    await waitFor(() => expect(completions()).toHaveLength(1));
    const body = completions()[0]?.body as { chatId: string; variables?: Record<string, unknown> };
    expect(body.chatId).toBe('beta');
    expect(body.variables?.age).toBeUndefined();
  });

  it('holds sends until the app says which variables it requires', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    setup.fake.injectFault({ kind: 'stall', path: '/chat/init', times: 5 });
    const user = userEvent.setup();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'too early{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('the app is still loading');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('too early');
    expect(setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  });

  it('sends a message refused while the app loaded by itself once it has loaded', async () => {
    const setup = setupHoldableFastGPT(/\/chat\/init/, { fake: { tokenDelayMs: 2 } });
    const release = setup.hold();
    const user = userEvent.setup();
    render(<ChatWindow />, { wrapper: setup.wrapper });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'early bird{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('the app is still loading');
    release();
    const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    await waitFor(() => expect(completions()).toHaveLength(1));
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
