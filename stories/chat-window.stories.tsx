import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatWindow } from '../src';
import { type FakeStoryParameters, fakeLoader, fakeOf, withFakeFastGPT } from './fake-story';
import { seedShareChat } from './seed-share-chat';

const meta = {
  title: 'ChatWindow',
  component: ChatWindow,
  loaders: [fakeLoader],
  decorators: [withFakeFastGPT],
  args: { showHistory: false },
} satisfies Meta<typeof ChatWindow>;

export default meta;
type Story = StoryObj<typeof meta>;

// Streams run at a visible speed; waits are generous for a shared 2-core CI machine.
const LONG = { timeout: 30_000 };

function replies(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('[data-slot="chat-window-message"][data-role="assistant"]'),
  );
}

function lastReply(root: HTMLElement): HTMLElement {
  const reply = replies(root).at(-1);
  if (!reply) throw new Error('No reply yet.');
  return reply;
}

/** Types a question into the composer and sends it with Enter, as a user does. */
async function ask(root: HTMLElement, text: string): Promise<void> {
  const composer = within(root).getByRole('textbox', { name: /Message|输入消息/ });
  await userEvent.type(composer, `${text}{Enter}`);
}

async function replyStatus(root: HTMLElement, status: string): Promise<HTMLElement> {
  await waitFor(() => expect(lastReply(root)).toHaveAttribute('data-status', status), LONG);
  return lastReply(root);
}

const fake = (parameters: FakeStoryParameters) => ({ fake: parameters });

/** A new chat: the app's welcome text and its variables form, before the first question. */
export const WelcomeAndVariables: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('你好，我是知识库助手。', undefined, LONG)).toBeVisible();
    await expect(await canvas.findByText('Before you start', undefined, LONG)).toBeVisible();
    const field = canvas.getByRole('textbox', { name: '用户ID' });
    await userEvent.type(field, 'U-1024');
    await expect(field).toHaveValue('U-1024');
  },
};

/** A long GFM reply streaming in: headings, lists, a table and code, parsed block by block. */
export const StreamingMarkdown: Story = {
  play: async ({ canvasElement }) => {
    await ask(canvasElement, 'markdown');
    const streaming = await replyStatus(canvasElement, 'streaming');
    const partial = streaming.textContent?.length ?? 0;
    const done = await replyStatus(canvasElement, 'done');
    await expect(done.textContent?.length ?? 0).toBeGreaterThan(partial);
    await expect(within(done).getAllByRole('table')[0]).toBeVisible();
    await expect(within(done).getByRole('heading', { level: 1 })).toBeVisible();
  },
};

/** A reasoning model: the reasoning block is open while it streams, then folds away. */
export const Reasoning: Story = {
  play: async ({ canvasElement }) => {
    await ask(canvasElement, 'reason about it');
    const reply = await replyStatus(canvasElement, 'done');
    await expect(within(reply).getByText('Reasoning')).toBeVisible();
  },
};

/** A tool call: its card shows the tool, its parameters and its response. */
export const ToolCalls: Story = {
  play: async ({ canvasElement }) => {
    await ask(canvasElement, 'use a tool');
    const reply = await replyStatus(canvasElement, 'done');
    await expect(within(reply).getByText(/天气查询/)).toBeVisible();
  },
};

/** A userSelect node: choosing an option continues the same reply. */
export const InteractiveSelect: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvasElement, 'select a city');
    const option = await canvas.findByRole('button', { name: '上海' }, LONG);
    await userEvent.click(option);
    await waitFor(() => expect(lastReply(canvasElement)).toHaveTextContent('你选择了「上海」'), LONG);
    await expect(canvas.getByRole('button', { name: '上海' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** A userInput node: a typed form with its rules; submitting continues the reply. */
export const InteractiveForm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvasElement, 'fill a form');
    const form = await canvas.findByRole('form', { name: '请补充查询信息' }, LONG);
    await userEvent.click(within(form).getByRole('button', { name: 'Submit' }));
    await expect(await within(form).findByText('Please fix the highlighted fields.')).toBeVisible();
    await userEvent.type(within(form).getByRole('textbox', { name: /城市/ }), '杭州');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /单位/ }), 'C');
    await userEvent.click(within(form).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(lastReply(canvasElement)).toHaveTextContent('杭州'), LONG);
  },
};

/** Knowledge-base citations: numbered chips and the quote list. */
export const Citations: Story = {
  play: async ({ canvasElement }) => {
    await ask(canvasElement, 'cite your sources');
    const reply = await replyStatus(canvasElement, 'done');
    await userEvent.click(await within(reply).findByRole('button', { name: /sources?$/ }, LONG));
    await expect(within(reply).getByRole('list', { name: 'Sources' })).toHaveTextContent('FAQ.md');
  },
};

/** The run timeline of a finished reply: each node's time, tokens and points (a member's view). */
export const RunTimeline: Story = {
  // Share links usually hide node details from visitors; a signed-in member sees them.
  parameters: fake({ auth: 'token' }),
  play: async ({ canvasElement }) => {
    await ask(canvasElement, 'What can this app do?');
    const reply = await replyStatus(canvasElement, 'done');
    const toggle = await within(reply).findByRole('button', { name: /^(Ran|Run details)/ }, LONG);
    await userEvent.click(toggle);
    const nodes = await within(reply).findByRole('list', { name: 'Workflow nodes' }, LONG);
    await expect(nodes.querySelectorAll('[data-slot="chat-window-run-node"]').length).toBeGreaterThan(1);
  },
};

/** A failed request: the sentence, its details and Retry, which sends again. */
export const ErrorAndRetry: Story = {
  parameters: fake({
    seed: (f) => f.injectFault({ kind: 'status', status: 500, path: '/chat/completions', times: 4 }),
    client: { maxRetries: 0 },
  }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await ask(canvasElement, 'hello');
    await expect(await canvas.findByText('Something went wrong', undefined, LONG)).toBeVisible();
    fakeOf({ loaded }).reset();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await replyStatus(canvasElement, 'done');
    await expect(lastReply(canvasElement)).toHaveTextContent('hello');
  },
};

/** Stop mid-reply: the partial text stays, marked stopped. */
export const StoppedReply: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ask(canvasElement, 'tell me a slow story');
    await waitFor(() => expect(lastReply(canvasElement).textContent?.length ?? 0).toBeGreaterThan(20), LONG);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    const reply = await replyStatus(canvasElement, 'stopped');
    await expect(within(reply).getByText('Stopped')).toBeVisible();
    await expect((reply.textContent ?? '').length).toBeGreaterThan(20);
  },
};

/** A 1,000-message thread: it opens at the newest message and renders only the rows in view. */
export const ThousandMessages: Story = {
  args: { chatId: 'long-thread' },
  parameters: fake({
    options: { tokenDelayMs: 0 },
    seed: (f) => seedShareChat(f, { chatId: 'long-thread', title: 'A long thread', turns: 500 }),
  }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(replies(canvasElement).length).toBeGreaterThan(0), LONG);
    const rows = canvasElement.querySelectorAll('[data-slot="chat-window-message"]');
    await expect(rows.length).toBeLessThan(200);
    await waitFor(() => expect(within(canvasElement).getByText(/\(#500\)/)).toBeVisible(), LONG);
  },
};

/** The history sidebar: pinned first, then recent; a click opens a chat. */
export const HistorySidebar: Story = {
  args: { showHistory: true },
  parameters: fake({
    seed: (f) => {
      seedShareChat(f, { chatId: 'kb', title: '知识库怎么建', minutesAgo: 3 });
      seedShareChat(f, { chatId: 'embed', title: 'Embedding the chat', minutesAgo: 90, top: true });
      seedShareChat(f, { chatId: 'models', title: 'Which models work?', minutesAgo: 60 * 30 });
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^Embedding the chat/ }, LONG));
    await waitFor(() => expect(canvas.getByText(/How do I embed the chat\?/)).toBeVisible(), LONG);
    await expect(canvas.getByText('Pinned')).toBeVisible();
  },
};

/** The dark theme, with a finished reply. */
export const Dark: Story = {
  args: { theme: 'dark', chatId: 'kb' },
  parameters: fake({ seed: (f) => seedShareChat(f, { chatId: 'kb', title: '知识库怎么建', turns: 2 }) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(replies(canvasElement)).toHaveLength(2), LONG);
    const root = canvasElement.querySelector<HTMLElement>('.fgk-chat-window');
    if (!root) throw new Error('No chat window.');
    // The window's own background is dark: rgb channels well below the middle.
    const [r = 255, g = 255, b = 255] = (getComputedStyle(root).backgroundColor.match(/\d+/g) ?? []).map(
      Number,
    );
    await expect(Math.max(r, g, b)).toBeLessThan(64);
  },
};

/** Every string in Simplified Chinese. */
export const ChineseLocale: Story = {
  args: { locale: 'zh-CN', showHistory: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: '输入消息' })).toBeVisible();
    await ask(canvasElement, '你好');
    await replyStatus(canvasElement, 'done');
    await expect(canvas.getByRole('button', { name: '新对话' })).toBeVisible();
  },
};

/** 375 px wide: the history becomes a drawer behind a button. */
export const MobileWidth: Story = {
  args: { showHistory: true },
  parameters: fake({
    frame: { width: 375, height: 700 },
    seed: (f) => seedShareChat(f, { chatId: 'kb', title: '知识库怎么建' }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const open = await canvas.findByRole('button', { name: 'Conversations' }, LONG);
    await userEvent.click(open);
    const item = await canvas.findByRole('button', { name: /^知识库怎么建/ }, LONG);
    // The drawer slides in.
    await waitFor(() => expect(item).toBeVisible(), LONG);
  },
};
