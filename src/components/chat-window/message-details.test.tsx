import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NodeResponse, QuoteItem } from '../../client/types';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { seedFakeChat } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow, type ChatWindowProps } from './chat-window';

// ChatWindow asks FastGPT to keep `[id](CITE)` markers (retainDatasetCite), so replies carry chips.
function renderChatWindow(props: ChatWindowProps = {}, { tokenDelayMs = 2 } = {}) {
  const setup = setupFastGPT({ fake: { tokenDelayMs } });
  const user = userEvent.setup();
  const view = render(<ChatWindow {...props} />, { wrapper: setup.wrapper });
  return { ...setup, user, view };
}

const assistants = () => Array.from(document.querySelectorAll<HTMLElement>('[data-role="assistant"]'));
const lastAssistant = () => {
  const found = assistants().at(-1);
  if (!found) throw new Error('no assistant message yet');
  return found;
};
const waitForStatus = (status: string) =>
  waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', status), { timeout: 5_000 });

async function ask(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), text);
  await user.keyboard('{Enter}');
}

/** The timeline's toggle in the last reply. */
const timelineToggle = (name: RegExp) => within(lastAssistant()).getByRole('button', { name });

/** Name, then the metrics, of every visible node row, nested rows included. */
function nodeRows(scope: HTMLElement) {
  return Array.from(scope.querySelectorAll<HTMLElement>('[data-slot="chat-window-run-node"]')).map((row) => {
    const head = row.querySelector('.fgk-run-node-row');
    return {
      name: head?.querySelector('.fgk-run-node-name')?.textContent,
      metrics: Array.from(head?.querySelectorAll('.fgk-run-node-metrics > span') ?? []).map(
        (s) => s.textContent,
      ),
      error: row.querySelector(':scope > .fgk-run-node-error')?.textContent ?? undefined,
      depth: (() => {
        let depth = 0;
        for (let list = row.parentElement; list?.closest('[data-slot="chat-window-run-node"]'); ) {
          depth++;
          list = list.closest('[data-slot="chat-window-run-node"]')?.parentElement ?? null;
        }
        return depth;
      })(),
    };
  });
}

describe('message details', () => {
  describe('run timeline', () => {
    it('appears only once the reply ends, collapsed, and lists each node with time, tokens and points', async () => {
      const { user } = renderChatWindow({}, { tokenDelayMs: 20 });
      await ask(user, 'hello there');
      await waitFor(() => {
        expect(lastAssistant()).toHaveAttribute('data-status', 'streaming');
        expect(lastAssistant()).toHaveTextContent('You said');
      });
      expect(lastAssistant().querySelector('[data-slot="chat-window-message-details"]')).toBeNull();

      await waitForStatus('done');
      // 62 input + 57 output tokens for this question and answer; points are (tokens × 0.0000255).
      const toggle = await waitFor(() =>
        timelineToggle(/^Ran 2 nodes in 1\.22 s · 119 tokens · 0\.003\d* points$/),
      );
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(within(lastAssistant()).queryByRole('list', { name: 'Workflow nodes' })).toBeNull();

      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const list = within(lastAssistant()).getByRole('list', { name: 'Workflow nodes' });
      expect(nodeRows(list)).toEqual([
        // FastGPT names untouched system nodes by an i18n key of its own UI; the kit names them by type.
        { name: 'Start', metrics: ['0 s'], error: undefined, depth: 0 },
        {
          name: 'AI 对话',
          metrics: ['1.22 s', '119 tokens', expect.stringMatching(/^0\.003\d* points$/)],
          error: undefined,
          depth: 0,
        },
      ]);

      await user.click(toggle);
      expect(within(lastAssistant()).queryByRole('list', { name: 'Workflow nodes' })).toBeNull();
    });

    it('hides while a continuation streams after an interactive node, then shows the whole run', async () => {
      const { user } = renderChatWindow({}, { tokenDelayMs: 40 });
      await ask(user, 'select a city');
      const option = await screen.findByRole('button', { name: '上海' }, { timeout: 5_000 });
      await waitForStatus('done');
      expect(timelineToggle(/^Ran 2 nodes/)).toBeInTheDocument();

      await user.click(option);
      // The paused run's nodes are still on the message, but the run is not over.
      await waitFor(() => {
        expect(lastAssistant()).toHaveAttribute('data-status', 'streaming');
        expect(lastAssistant().querySelector('[data-slot="chat-window-run-timeline"]')).toBeNull();
      });
      await waitForStatus('done');
      await user.click(timelineToggle(/^Ran 4 nodes/));
      const rows = nodeRows(within(lastAssistant()).getByRole('list', { name: 'Workflow nodes' }));
      expect(rows.map((r) => r.name)).toEqual(['Start', '问题分类', '用户选择', 'AI 对话']);
    });

    it('shows the error of a node that failed while the run went on', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'variable update');
      await waitForStatus('done');
      await user.click(timelineToggle(/^Ran 5 nodes in 5\.62 s/));
      const rows = nodeRows(within(lastAssistant()).getByRole('list', { name: 'Workflow nodes' }));
      expect(rows.map((r) => r.name)).toEqual(['Start', '问题分类', '变量更新', '同步到 CRM', '指定回复']);
      expect(rows[3]).toMatchObject({
        metrics: ['5 s'],
        error: 'Error: 请求超时：crm.example.com 5 秒内没有响应',
      });
      expect(rows.filter((r) => r.error !== undefined)).toHaveLength(1);
    });

    it('indents the runs of tool calls under their tool node', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'use a tool');
      await waitForStatus('done');
      await user.click(timelineToggle(/^Ran 2 nodes in 3\.08 s · 397 tokens · 0\.0421 points$/));
      const rows = nodeRows(within(lastAssistant()).getByRole('list', { name: 'Workflow nodes' }));
      expect(rows).toEqual([
        { name: 'Start', metrics: ['0 s'], error: undefined, depth: 0 },
        { name: '工具调用', metrics: ['3.08 s', '397 tokens', '0.0421 points'], error: undefined, depth: 0 },
        { name: '天气查询', metrics: ['0.42 s'], error: undefined, depth: 1 },
      ]);
    });

    it('speaks Chinese with locale zh-CN', async () => {
      const { user } = renderChatWindow({ locale: 'zh-CN' });
      await user.type(screen.getByRole('textbox', { name: '输入消息' }), 'use a tool{Enter}');
      await waitForStatus('done');
      await user.click(timelineToggle(/^运行了 2 个节点，用时 3\.08 秒 · 397 Tokens · 0\.0421 积分$/));
      expect(within(lastAssistant()).getByRole('list', { name: '工作流节点' })).toHaveTextContent('流程开始');
    });
  });

  describe('quote list', () => {
    it('lists the cited sources with their scores and expands each to its text', async () => {
      const { user } = renderChatWindow();
      await ask(user, 'cite please');
      await waitForStatus('done');
      const toggle = await within(lastAssistant()).findByRole('button', { name: '2 sources' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(within(lastAssistant()).queryByRole('list', { name: 'Sources' })).toBeNull();

      await user.click(toggle);
      const list = within(lastAssistant()).getByRole('list', { name: 'Sources' });
      const items = within(list).getAllByRole('listitem');
      expect(items.map((item) => item.querySelector('.fgk-quote-head')?.textContent)).toEqual([
        '1 FAQ.mdSemantic 0.89',
        '2 FAQ.mdSemantic 0.77',
      ]);
      expect(within(list).getByText('电影《铃芽之旅》的导演是谁？')).not.toBeVisible();
      expect(within(list).getByText('新海诚还有哪些作品？')).not.toBeVisible();

      const second = within(list).getByRole('button', { name: 'Source 2: FAQ.md' });
      await user.click(second);
      expect(second).toHaveAttribute('aria-expanded', 'true');
      expect(within(list).getByText('新海诚还有哪些作品？')).toBeVisible();
      expect(within(list).getByText('《你的名字》《天气之子》《秒速五厘米》等。')).toBeVisible();
      expect(within(list).getByText('电影《铃芽之旅》的导演是谁？')).not.toBeVisible();
    });

    it('opens and focuses quote n when citation chip n is pressed, by mouse or keyboard', async () => {
      const { user } = renderChatWindow({}, {});
      await ask(user, 'cite please');
      await waitForStatus('done');
      const reply = lastAssistant();
      expect(within(reply).queryByRole('list', { name: 'Sources' })).toBeNull();

      await user.click(within(reply).getByRole('button', { name: 'Citation 2: FAQ.md' }));
      const list = within(reply).getByRole('list', { name: 'Sources' });
      const second = within(list).getByRole('button', { name: 'Source 2: FAQ.md' });
      expect(second).toHaveFocus();
      expect(second).toHaveAttribute('aria-expanded', 'true');
      expect(within(list).getByText('新海诚还有哪些作品？')).toBeVisible();
      expect(within(reply).getByRole('button', { name: '2 sources' })).toHaveAttribute(
        'aria-expanded',
        'true',
      );

      within(reply).getByRole('button', { name: 'Citation 1: FAQ.md' }).focus();
      await user.keyboard('{Enter}');
      const first = within(list).getByRole('button', { name: 'Source 1: FAQ.md' });
      expect(first).toHaveFocus();
      expect(within(list).getByText('电影《铃芽之旅》的导演是谁？')).toBeVisible();
    });

    it('has no axe violations with the timeline and a quote expanded', async () => {
      const { user, view } = renderChatWindow({}, {});
      await ask(user, 'cite please');
      await waitForStatus('done');
      await user.click(timelineToggle(/^Ran 3 nodes/));
      await user.click(within(lastAssistant()).getByRole('button', { name: 'Citation 1: FAQ.md' }));
      expect(within(lastAssistant()).getByRole('list', { name: 'Workflow nodes' })).toBeVisible();
      expect(within(lastAssistant()).getByText('电影《铃芽之旅》的导演是谁？')).toBeVisible();
      await expectNoAxeViolations(view.container);
    });
  });

  describe('stored replies', () => {
    const quote = (id: string, q: string, sourceName: string, score: QuoteItem['score']): QuoteItem => ({
      id,
      q,
      a: '',
      chunkIndex: 0,
      datasetId: '646627f4f7b896cfd8910e38',
      collectionId: '653279b16cd42ab509e766e8',
      sourceName,
      sourceId,
      score,
    });
    const sourceId = 'https://docs.example.com/deploy';

    function seedCitedChat(fake: ReturnType<typeof setupFastGPT>['fake']) {
      const chat = seedFakeChat(fake, { chatId: 'stored', turns: 1 });
      const first = quote('64fd3b6423aa1307b6589601', 'Docker 部署需要 2 核 4 GB。', 'deploy.md', [
        { type: 'embedding', value: 0.81234, index: 0 },
        { type: 'reRank', value: 0.9366, index: 0 },
      ]);
      const uncited = quote('64fd3b6423aa1307b6589602', '不会被引用的片段', 'other.md', 0.5);
      const responses: NodeResponse[] = [
        {
          id: 'r1',
          nodeId: 'n1',
          moduleName: '知识库搜索',
          moduleType: 'datasetSearchNode',
          runningTime: 0.5,
          totalPoints: 0.0002,
          embeddingTokens: 6,
          quoteList: [first, uncited],
        },
        {
          id: 'r2',
          nodeId: 'n2',
          moduleName: 'AI 对话',
          moduleType: 'chatNode',
          runningTime: 2,
          totalPoints: 0.01,
          inputTokens: 300,
          outputTokens: 40,
        },
      ];
      const answer = chat.items[1];
      if (!answer) throw new Error('seeded chat has an answer');
      answer.value = [{ type: 'text', text: { content: `至少需要 2 核 4 GB[${first.id}](CITE)。` } }];
      answer.responseData = responses;
      answer.durationSeconds = 2.5;
    }

    it('say why their run failed to load, and load it again on Retry', async () => {
      const setup = setupFastGPT();
      seedCitedChat(setup.fake);
      const user = userEvent.setup();
      render(<ChatWindow chatId="stored" />, { wrapper: setup.wrapper });
      await waitFor(() => expect(assistants()[0]).toHaveTextContent('至少需要 2 核 4 GB'));
      const reply = lastAssistant();
      setup.fake.injectFault({ kind: 'networkError', path: '/getResData' });

      await user.click(await within(reply).findByRole('button', { name: 'Run details · 2.5 s' }));
      expect(await within(reply).findByText(/^Could not load run details: /)).toBeVisible();
      await user.click(within(reply).getByRole('button', { name: 'Retry' }));
      const list = await within(reply).findByRole('list', { name: 'Workflow nodes' });
      expect(nodeRows(list).map((r) => r.name)).toEqual(['知识库搜索', 'AI 对话']);
      expect(within(reply).queryByText(/^Could not load run details: /)).toBeNull();
    });

    it('show their sources at once and load their run when the timeline opens', async () => {
      const setup = setupFastGPT();
      seedCitedChat(setup.fake);
      const user = userEvent.setup();
      render(<ChatWindow chatId="stored" />, { wrapper: setup.wrapper });
      await waitFor(() => expect(assistants()[0]).toHaveTextContent('至少需要 2 核 4 GB'));
      const reply = lastAssistant();
      const resData = () => setup.fake.requests.filter((r) => r.path.endsWith('/getResData'));

      const sources = within(reply).getByRole('button', { name: '1 source' });
      const toggle = within(reply).getByRole('button', { name: 'Run details · 2.5 s' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(resData()).toHaveLength(0);

      await user.click(toggle);
      const list = await within(reply).findByRole('list', { name: 'Workflow nodes' });
      expect(nodeRows(list)).toEqual([
        { name: '知识库搜索', metrics: ['0.5 s', '6 tokens', '0.0002 points'], error: undefined, depth: 0 },
        { name: 'AI 对话', metrics: ['2 s', '340 tokens', '0.01 points'], error: undefined, depth: 0 },
      ]);
      expect(toggle).toHaveAccessibleName('Ran 2 nodes in 2.5 s · 346 tokens · 0.0102 points');
      expect(resData()).toHaveLength(1);

      // The chip pointing at the one cited quote opens it; the rerank score leads, and the source links out.
      await user.click(within(reply).getByRole('button', { name: 'Citation 1: deploy.md' }));
      expect(sources).toHaveAttribute('aria-expanded', 'true');
      const item = within(reply).getByRole('button', { name: 'Source 1: deploy.md' });
      expect(item).toHaveFocus();
      expect(within(reply).getByText('Rerank 0.94')).toBeVisible();
      expect(within(reply).getByRole('link', { name: 'Open deploy.md' })).toHaveAttribute('href', sourceId);
      expect(within(reply).getByText('Docker 部署需要 2 核 4 GB。')).toBeVisible();
      expect(within(reply).queryByText('other.md')).toBeNull();
    });
  });
});
