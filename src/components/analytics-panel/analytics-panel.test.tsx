import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentProps, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ChatLogItem } from '../../client/types';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupHoldableFastGPT } from '../../test-setup/hook-test-helpers';
import { type SetupFastGPTOptions, setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { DEFAULT_FAKE_CREDENTIALS, type FakeFastGPTOptions } from '../../testing';
import type { AnalyticsFilters } from './analytics-filters-model';
import { type AnalyticsExport, AnalyticsPanel } from './analytics-panel';

const tokenClient = { apiKey: undefined, token: DEFAULT_FAKE_CREDENTIALS.userToken };
const WAIT = { timeout: 10_000 };

function setupPanel(fake: FakeFastGPTOptions = {}, client: SetupFastGPTOptions['client'] = tokenClient) {
  return setupFastGPT({ fake: { analytics: { chats: 300, days: 30 }, ...fake }, client });
}

type Setup = ReturnType<typeof setupFastGPT>;

function renderPanel(setup: Setup, props: Partial<ComponentProps<typeof AnalyticsPanel>> = {}) {
  return render(<AnalyticsPanel defaultFilters={{ preset: '30d' }} {...props} />, { wrapper: setup.wrapper });
}

const listBodies = (setup: Setup) =>
  setup.fake.requests
    .filter((r) => r.path.endsWith('logs/list'))
    .map((r) => r.body as Record<string, unknown>);

const filterBar = () => screen.getByRole('region', { name: 'Filters' });
const table = () => screen.getByRole('table', { name: 'Conversations' });
const bodyRows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .filter((row) => row.dataset.rowIndex);
const footer = () => screen.getByText(/of [\d,]+ conversations/);

async function loaded() {
  await waitFor(() => expect(footer()).toHaveTextContent(/^100 of [\d,]+ conversations/), WAIT);
  return Number(/of ([\d,]+)/.exec(footer().textContent ?? '')?.[1]?.replace(/,/g, ''));
}

/** Keeps the panel's filters in its own state, as an app that puts them in its URL would. */
function ControllingParent({ changes }: { changes: AnalyticsFilters[] }) {
  const [filters, setFilters] = useState<AnalyticsFilters>({
    preset: '30d',
    sources: ['share'],
    search: '',
    feedback: 'all',
    hasError: false,
    timespan: 'week',
  });
  return (
    <AnalyticsPanel
      filters={filters}
      onFiltersChange={(next) => {
        changes.push(next);
        setFilters(next);
      }}
    />
  );
}

describe('AnalyticsPanel', () => {
  it('shows totals, the charts and the first page of the log with its total', async () => {
    const setup = setupPanel();
    renderPanel(setup);
    const total = await loaded();
    expect(total).toBeGreaterThan(200);
    const totals = screen.getByRole('region', { name: 'Totals' });
    // All-time figures from the chart endpoints (the fake's getTotalData).
    const users = within(totals).getByText('Users').closest('div') as HTMLElement;
    expect(users).toHaveTextContent(/All time/);
    expect(within(users).getByText(/^\d[\d,]*$/)).toBeInTheDocument();
    expect(screen.getAllByRole('img').length).toBeGreaterThanOrEqual(6);
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers).toEqual(['Title', 'User', 'Last message', 'Messages', 'Feedback', 'IP & region']);
    expect(bodyRows().length).toBeGreaterThan(0);
    expect(listBodies(setup)[0]).toMatchObject({ pageNum: 1, pageSize: 100 });
  });

  it('sends every filter to the log list and shows only matching rows', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    renderPanel(setup);
    await loaded();

    await user.click(screen.getByRole('button', { name: /Sources: All sources/ }));
    await user.click(screen.getByRole('checkbox', { name: 'API call' }));
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ sources: ['api'] }), WAIT);
    await waitFor(() => expect(table()).not.toHaveAttribute('aria-busy'), WAIT);
    await user.keyboard('{Escape}');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Feedback' }), 'Bad');
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ feedbackType: 'bad' }), WAIT);

    await user.click(screen.getByRole('checkbox', { name: 'With errors only' }));
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ errorFilter: 'has_error' }), WAIT);

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'crm');
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ chatSearch: 'crm' }), WAIT);
    // Typing is debounced: one request for the word, not one per letter.
    expect(listBodies(setup).filter((b) => b.chatSearch !== undefined)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      const last = listBodies(setup).at(-1);
      expect(last).not.toHaveProperty('sources');
      expect(last).not.toHaveProperty('chatSearch');
    }, WAIT);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('applies a search once on Enter, and Clear filters drops a search still being typed', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    const changes: AnalyticsFilters[] = [];
    renderPanel(setup, { onFiltersChange: (next) => changes.push(next) });
    await loaded();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'abc{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(changes.filter((c) => c.search === 'abc')).toHaveLength(1);

    await user.click(within(filterBar()).getByRole('button', { name: 'Clear filters' }));
    await user.click(screen.getByRole('checkbox', { name: 'With errors only' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'zz');
    await user.click(within(filterBar()).getByRole('button', { name: 'Clear filters' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(changes.some((c) => c.search === 'zz')).toBe(false);
  });

  it('changes the range with presets and refuses a reversed custom range with a reason', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    const now = new Date(2026, 10, 22, 15, 0).getTime();
    renderPanel(setup, { now, defaultFilters: { preset: '7d' } });
    await waitFor(() => expect(listBodies(setup)).toHaveLength(1), WAIT);
    expect(new Date(listBodies(setup)[0]?.dateStart as string).getTime()).toBe(
      new Date(2026, 10, 16).getTime(),
    );

    await user.click(screen.getByRole('button', { name: 'Last 90 days' }));
    await waitFor(() => expect(listBodies(setup)).toHaveLength(2), WAIT);
    expect(new Date(listBodies(setup)[1]?.dateStart as string).getTime()).toBe(
      new Date(2026, 7, 25).getTime(),
    );

    await user.click(screen.getByRole('button', { name: 'Custom' }));
    // The custom range starts from the days shown.
    expect(screen.getByLabelText('From')).toHaveValue('2026-08-25');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-30' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The first day is after the last day.');
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    const requests = listBodies(setup).length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(listBodies(setup).length).toBe(requests + 1), WAIT);
    const last = listBodies(setup).at(-1);
    expect(new Date(last?.dateStart as string).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(new Date(last?.dateEnd as string).getTime()).toBe(
      new Date(2026, 10, 22, 23, 59, 59, 999).getTime(),
    );
  });

  it('follows controlled filters and reports changes to the parent', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    const changes: AnalyticsFilters[] = [];
    render(<ControllingParent changes={changes} />, { wrapper: setup.wrapper });
    await waitFor(() => expect(listBodies(setup)[0]).toMatchObject({ sources: ['share'] }), WAIT);
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue('week');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Feedback' }), 'Good');
    expect(changes.at(-1)).toMatchObject({ feedback: 'good', sources: ['share'] });
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ feedbackType: 'good' }), WAIT);
  });

  it('sorts loaded rows by a header, announces it, and reuses the row objects', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    // Every row object the table was handed, by chat: a sort or filter must hand the same objects again.
    const objects = new Map<string, ChatLogItem>();
    let reused = 0;
    let recreated = 0;
    const renderCell = (_column: unknown, row: ChatLogItem) => {
      const known = objects.get(row.chatId);
      if (!known) objects.set(row.chatId, row);
      else if (known === row) reused++;
      else recreated++;
      return undefined;
    };
    renderPanel(setup, { renderCell });
    await loaded();

    await user.click(within(table()).getByRole('button', { name: /Messages/ }));
    const header = within(table()).getByRole('columnheader', { name: /Messages/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('Sorted by Messages, descending')).toBeInTheDocument();
    const counts = bodyRows().map((row) =>
      Number(row.querySelector('[data-column="messageCount"]')?.textContent),
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // FastGPT pages by last message only: the panel says the sort covers the loaded rows.
    expect(screen.getByText(/Sorted among the 100 loaded conversations/)).toBeInTheDocument();

    await user.click(within(table()).getByRole('button', { name: /Messages/ }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(table()).getByRole('button', { name: /Last message/ }));
    const sortReused = reused;
    expect(sortReused).toBeGreaterThan(0);

    // Filtering to a subset hands back the objects of chats that did not change, too.
    await user.click(screen.getByRole('button', { name: /Sources: All sources/ }));
    await user.click(screen.getByRole('checkbox', { name: 'API call' }));
    await waitFor(() => expect(listBodies(setup).at(-1)).toMatchObject({ sources: ['api'] }), WAIT);
    await waitFor(() => expect(table()).not.toHaveAttribute('aria-busy'), WAIT);
    expect(bodyRows().length).toBeGreaterThan(0);
    expect(reused).toBeGreaterThan(sortReused);
    expect(recreated).toBe(0);
  });

  it('loads the next page from the footer and with Load all, with the total', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    renderPanel(setup);
    const total = await loaded();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(footer()).toHaveTextContent(`200 of ${total} conversations`), WAIT);
    expect(listBodies(setup).map((b) => b.pageNum)).toEqual([1, 2]);
    await user.click(within(table()).getByRole('button', { name: /Messages/ }));
    await user.click(screen.getByRole('button', { name: 'Load all' }));
    await waitFor(() => expect(footer()).toHaveTextContent(`${total} of ${total} conversations`), WAIT);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Sorted among/)).not.toBeInTheDocument();
  });

  it('moves between rows with the keyboard and opens the drawer with Enter, focus returning on close', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    renderPanel(setup);
    await loaded();
    const firstOpen = within(bodyRows()[0] as HTMLElement).getByRole('button');
    expect(firstOpen).toHaveAttribute('tabindex', '0');
    firstOpen.focus();
    await user.keyboard('{ArrowDown}');
    const second = bodyRows()[1] as HTMLElement;
    await waitFor(() => expect(within(second).getByRole('button')).toHaveFocus());
    expect(firstOpen).toHaveAttribute('tabindex', '-1');
    const title = second
      .querySelector('[data-column="title"]')
      ?.textContent?.replace(/Open conversation.*/, '')
      .trim();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect(dialog).toHaveAccessibleName(title as string);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(second).getByRole('button')).toHaveFocus();
  });

  it('shows and hides columns, keeping at least one', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    const onColumnsChange = vi.fn();
    renderPanel(setup, { onColumnsChange });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Points' }));
    expect(within(table()).getByRole('columnheader', { name: /Points/ })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'IP & region' }));
    expect(within(table()).queryByRole('columnheader', { name: /IP & region/ })).not.toBeInTheDocument();
    expect(onColumnsChange).toHaveBeenLastCalledWith([
      'title',
      'user',
      'lastConversationTime',
      'messageCount',
      'feedback',
      'points',
    ]);
  });

  it('goes back to the server order when the sorted column is hidden', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    renderPanel(setup);
    await loaded();
    await user.click(within(table()).getByRole('button', { name: /Messages/ }));
    expect(screen.getByText(/Sorted among the 100 loaded/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Messages' }));
    expect(within(table()).getByRole('columnheader', { name: /Last message/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.queryByText(/Sorted among/)).not.toBeInTheDocument();
  });

  it("exports the server's CSV with the visible columns and localized headers", async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    const files: AnalyticsExport[] = [];
    renderPanel(setup, { onExport: (file) => files.push(file) });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1), WAIT);
    const [file] = files as [AnalyticsExport];
    expect(file.origin).toBe('server');
    expect(file.fileName).toMatch(/^chat-logs-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(
      file.csv.startsWith('\uFEFFTitle,User,Last message,Messages,Feedback,IP & region,Conversation details'),
    ).toBe(true);
    const request = setup.fake.requests.find((r) => r.path.endsWith('exportLogs'));
    expect(request?.body).toMatchObject({
      logKeys: ['title', 'user', 'lastConversationTime', 'messageCount', 'feedback', 'region'],
    });
  });

  it('builds the CSV locally on editions without an export route, escaping injection and quoting', async () => {
    const setup = setupPanel({ serverVersion: '4.8.17' });
    const user = userEvent.setup();
    const hostile = ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2', '@SUM(A1)', 'a, "quoted"\nline'];
    const chats = [...setup.fake.state.chats.values()]
      .filter((chat) => chat.appId === setup.appId)
      .sort((a, b) => b.updateTime - a.updateTime);
    // 4.8.17 sends no custom titles: the hostile text goes into the automatic one.
    hostile.forEach((title, i) => {
      const chat = chats[i];
      if (chat) chat.title = title;
    });
    const files: AnalyticsExport[] = [];
    renderPanel(setup, { onExport: (file) => files.push(file) });
    const total = await loaded();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1), WAIT);
    const [file] = files as [AnalyticsExport];
    expect(file.origin).toBe('local');
    expect(file.rows).toBe(total);
    expect(
      screen.getByText(
        `This FastGPT has no export endpoint, so the CSV was built here from ${total} conversations.`,
      ),
    ).toBeInTheDocument();
    const lines = file.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFTitle,User,Last message,Messages,Good feedback,Bad feedback,Region,IP');
    expect(lines).toHaveLength(total + 2);
    expect(file.csv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(file.csv).toContain(`'+1+1,`);
    expect(file.csv).toContain(`'-2,`);
    expect(file.csv).toContain(`'@SUM(A1),`);
    expect(file.csv).toContain(`"a, ""quoted""\nline"`);
  });

  it('writes a local CSV in the order the table shows', async () => {
    const setup = setupPanel({ serverVersion: '4.8.17' });
    const user = userEvent.setup();
    const files: AnalyticsExport[] = [];
    renderPanel(setup, {
      onExport: (file) => files.push(file),
      defaultColumns: ['messageCount', 'feedback'],
    });
    await loaded();
    await user.click(within(table()).getByRole('button', { name: /Messages/ }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1), WAIT);
    const lines = (files[0] as AnalyticsExport).csv.trimEnd().split('\r\n').slice(1);
    const counts = lines.map((line) => Number(line.split(',')[0]));
    expect(counts.length).toBeGreaterThan(200);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('shows skeletons while loading, then the rows', async () => {
    const setup = setupHoldableFastGPT(/logs\/list/, {
      fake: { analytics: { chats: 50 } },
      client: tokenClient,
    });
    const release = setup.hold();
    render(<AnalyticsPanel defaultFilters={{ preset: '30d' }} />, { wrapper: setup.wrapper });
    const skeleton = document.querySelector('[data-slot="log-skeleton"]');
    expect(skeleton).toHaveAttribute('aria-busy', 'true');
    act(release);
    await waitFor(
      () => expect(screen.getByRole('table', { name: 'Conversations' })).toBeInTheDocument(),
      WAIT,
    );
    expect(document.querySelector('[data-slot="log-skeleton"]')).toBeNull();
  });

  it('says when the range is empty and offers a wider one; with filters, offers to clear them', async () => {
    const setup = setupPanel({ analytics: false });
    const user = userEvent.setup();
    const now = new Date(2026, 10, 22).getTime();
    renderPanel(setup, { now, defaultFilters: { preset: '7d' } });
    expect(
      await screen.findByText('No conversations between 11/16/2026 and 11/22/2026.', {}, WAIT),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the last 90 days' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Last 90 days' })).toHaveAttribute('aria-pressed', 'true'),
    );
    await user.click(screen.getByRole('checkbox', { name: 'With errors only' }));
    expect(await screen.findByText('No conversations match these filters.', {}, WAIT)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Clear filters' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('shows a failed load with Retry, which loads again', async () => {
    const setup = setupPanel();
    const user = userEvent.setup();
    setup.fake.injectFault({
      kind: 'status',
      status: 500,
      path: 'logs/list',
      body: { code: 500, statusText: 'error', message: 'Mongo is down', data: null },
    });
    renderPanel(setup);
    const alert = await screen.findByText('Mongo is down.', {}, WAIT);
    const box = alert.closest('[data-slot="panel-error"]') as HTMLElement;
    expect(box).toHaveTextContent('The logs could not be loaded.');
    await user.click(within(box).getByRole('button', { name: 'Retry' }));
    await loaded();
  });

  it('says which credential the log endpoints need when only an API key is given', async () => {
    const setup = setupPanel({}, {});
    renderPanel(setup);
    const sentences = await screen.findAllByText(
      /log endpoints need a signed-in member: give the client a `token`/,
      {},
      WAIT,
    );
    expect(sentences.length).toBeGreaterThan(0);
    // Retrying cannot help without the credential.
    const box = sentences[0]?.closest('[data-slot="panel-error"]') as HTMLElement;
    expect(within(box).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('says the account lacks the log permission when FastGPT refuses the app to it', async () => {
    const setup = setupPanel();
    setup.fake.injectFault({
      kind: 'status',
      status: 500,
      path: 'logs/list',
      body: {
        code: 502001,
        statusText: 'unAuthApp',
        message: 'common:code_error.app_error.un_auth_app',
        data: null,
      },
    });
    renderPanel(setup);
    const sentence = await screen.findByText(/may not read this app's chat logs/, {}, WAIT);
    const box = sentence.closest('[data-slot="panel-error"]') as HTMLElement;
    expect(box).toHaveTextContent('"read chat logs" permission');
    expect(within(box).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('derives the charts from the log list on editions without chart endpoints, and says so', async () => {
    const setup = setupPanel({ chartEndpoints: false });
    renderPanel(setup);
    await loaded();
    expect(
      await screen.findByText(
        /no chart endpoints \(they come with the commercial edition\), so the charts are computed/,
        {},
        WAIT,
      ),
    ).toBeInTheDocument();
    const users = within(screen.getByRole('region', { name: 'Totals' }))
      .getByText('Users')
      .closest('div') as HTMLElement;
    expect(users).toHaveTextContent('In range');
    // Distinct users of the range: a user active on several days counts once.
    const body = listBodies(setup)[0];
    const rows = await setup.clients.app.getChatLogs({
      dateStart: body?.dateStart as string,
      dateEnd: body?.dateEnd as string,
      pageSize: 1_000,
    });
    const distinct = new Set(rows.list.map((row) => row.outLinkUid || row.tmbId || row.chatId)).size;
    expect(users.textContent).toBe(`Users${distinct}In range`);
  });

  it('speaks Chinese with locale zh-CN', async () => {
    const setup = setupPanel();
    renderPanel(setup, { locale: 'zh-CN' });
    await waitFor(() => expect(screen.getByText(/已加载 100 \/ 共/)).toBeInTheDocument(), WAIT);
    expect(screen.getByRole('table', { name: '对话日志' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '最近 30 天' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('columnheader', { name: /最后对话时间/ })).toBeInTheDocument();
  });

  it('has no axe violations once loaded', async () => {
    const setup = setupPanel();
    const { container } = renderPanel(setup);
    await loaded();
    await expectNoAxeViolations(container);
  });
});
