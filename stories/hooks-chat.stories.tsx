import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { HooksChat } from '../demo/hooks-chat';
import { type FakeStoryParameters, fakeLoader, withFakeFastGPT } from './fake-story';
import { seedShareChat } from './seed-share-chat';

/** The demo's custom chat UI: plain elements and CSS, everything else from the kit's hooks. */
const meta = {
  title: 'Custom UI from hooks',
  component: HooksChat,
  loaders: [fakeLoader],
  decorators: [withFakeFastGPT],
  parameters: {
    fake: {
      seed: (fake) => seedShareChat(fake, { chatId: 'earlier', title: 'An earlier chat' }),
    } satisfies FakeStoryParameters,
  },
} satisfies Meta<typeof HooksChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const LONG = { timeout: 30_000 };

/** Send, stream, answer a userSelect, rate the answer, and open an earlier chat from the list. */
export const HooksOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'select a city{Enter}');
    await userEvent.click(await canvas.findByRole('button', { name: '广州' }, LONG));
    await expect(await canvas.findByText(/你选择了「广州」/, undefined, LONG)).toBeVisible();
    const good = await canvas.findByRole('button', { name: 'Good' }, LONG);
    await userEvent.click(good);
    await waitFor(() => expect(good).toHaveAttribute('aria-pressed', 'true'), LONG);
    await userEvent.click(canvas.getByRole('button', { name: 'An earlier chat' }));
    await expect(await canvas.findByText(/How do I embed the chat\?/, undefined, LONG)).toBeVisible();
  },
};
