import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AnalyticsPanel } from '../src';
import { type FakeStoryParameters, fakeLoader, fakeOf, withFakeFastGPT } from './fake-story';

const meta = {
  title: 'AnalyticsPanel',
  component: AnalyticsPanel,
  loaders: [fakeLoader],
  decorators: [withFakeFastGPT],
  args: { defaultFilters: { preset: '30d' } },
  parameters: { fake: { auth: 'token', frame: { height: 'auto' } } satisfies FakeStoryParameters },
} satisfies Meta<typeof AnalyticsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const LONG = { timeout: 30_000 };

const fake = (parameters: FakeStoryParameters) => ({
  fake: { auth: 'token', frame: { height: 'auto' }, ...parameters } satisfies FakeStoryParameters,
});

const rows = (root: HTMLElement) => root.querySelectorAll('.fgk-log-row');

/** Totals, charts and the log table over the last 30 days of a busy support app; a row opens its chat. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), LONG);
    const footer = canvas.getByText(/^\d[\d,]* of [\d,]+ conversations/);
    const unfiltered = footer.textContent;
    await expect(canvas.getByRole('region', { name: 'Totals' })).toHaveTextContent(/Conversations/);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Feedback' }), 'Bad');
    await waitFor(() => expect(footer.textContent).not.toBe(unfiltered), LONG);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0), LONG);
  },
};

/** While FastGPT has not answered: skeletons in the totals, the charts and the table. */
export const Loading: Story = {
  parameters: fake({ seed: (f) => f.injectFault({ kind: 'stall', path: '/api/', times: 1_000 }) }),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('.fgk-skeleton-line').length).toBeGreaterThan(3),
    );
    await expect(rows(canvasElement)).toHaveLength(0);
  },
};

/** An app with no conversations in the range: says so and offers a wider one. */
export const Empty: Story = {
  parameters: fake({ options: { analytics: false } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^No conversations between/, undefined, LONG)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show the last 90 days' })).toBeVisible();
  },
};

/** FastGPT failing: the error with Retry, which loads again. */
export const Failing: Story = {
  parameters: fake({
    client: { maxRetries: 0 },
    seed: (f) => f.injectFault({ kind: 'status', status: 500, path: '/api/', times: 1_000 }),
  }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const errors = await canvas.findAllByText('The logs could not be loaded.', undefined, LONG);
    await expect(errors[0]).toBeVisible();
    fakeOf({ loaded }).reset();
    // Totals, charts and table fail and retry each on their own.
    for (const retry of canvas.getAllByRole('button', { name: 'Retry' })) await userEvent.click(retry);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), LONG);
  },
};

/** No session token: the panel says which credential FastGPT's log routes need. */
export const NoToken: Story = {
  parameters: fake({ auth: 'none' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/need a signed-in member/, undefined, LONG)).toBeVisible();
  },
};

/** FastGPT's open-source edition has no chart endpoints: the charts come from the log list, and say so. */
export const WithoutChartEndpoints: Story = {
  parameters: fake({ options: { chartEndpoints: false } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/no chart endpoints/, undefined, LONG)).toBeVisible();
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5), LONG);
  },
};

/** 10,000 conversations, all loaded: the table keeps only the rows in view in the DOM. */
export const TenThousandRows: Story = {
  args: { defaultFilters: { preset: '90d' } },
  parameters: fake({ options: { analytics: { chats: 10_000, days: 60 }, tokenDelayMs: 0 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/of 10,000 conversations/, undefined, LONG)).toBeVisible();
    // FastGPT orders pages by last message only: another sort covers the loaded rows and offers Load all.
    await userEvent.click(canvas.getByRole('button', { name: /^Messages/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Load all' }));
    await expect(
      await canvas.findByText(/^10,000 of 10,000 conversations/, undefined, { timeout: 60_000 }),
    ).toBeVisible();
    await expect(rows(canvasElement).length).toBeLessThanOrEqual(60);
  },
};
