import type {
  InteractivePayload,
  NodeResponse,
  QuoteItem,
  ToolCallRecord,
  UserInputFormItem,
  UserSelectOption,
} from '../client/types';
import type { FakeIds } from './fake-ids';
import { MARKDOWN_REPLY } from './fake-markdown-reply';
import type { FakeScriptedReply } from './fake-options';
import { SCENARIOS, type ScenarioName } from './fake-scenario-names';

/** One step of a scripted workflow run. Token steps (`answer`, `reasoning`, `toolParams`) are paced. */
export type ScenarioStep =
  | { type: 'nodeStart'; name: string }
  | { type: 'nodeEnd'; response: NodeResponse }
  | { type: 'reasoning'; text: string }
  | { type: 'answer'; text: string }
  | { type: 'fastAnswer'; text: string }
  | { type: 'toolCall' | 'toolParams' | 'toolResponse'; tool: ToolCallRecord }
  | { type: 'updateVariables'; variables: Record<string, unknown> }
  | { type: 'interactive'; interactive: InteractivePayload }
  | { type: 'error'; message: string }
  | { type: 'stall' }
  | { type: 'drop' };

/** A scripted run. */
export interface ScenarioPlan {
  /** The scenario played. */
  name: ScenarioName | 'continue' | 'scripted';
  /** What the workflow does, in order. */
  steps: ScenarioStep[];
  /** Pace override in ms between token steps (`slow`). */
  tokenDelayMs?: number;
}

/** What a scenario is built from. */
export interface ScenarioInput {
  /** Text of the latest user message. */
  question: string;
  /** Earlier turns as `{obj, value}` text, oldest first (for `historyPreview`). */
  history: Array<{ obj: 'Human' | 'AI'; value: string }>;
  /** Variables of the chat after merging the request's. */
  variables: Record<string, unknown>;
  /** Id source. */
  ids: FakeIds;
  /** Current time, epoch ms. */
  now: number;
}

/** The `429` scenario's wait in seconds. */
export const SCENARIO_RETRY_AFTER_SECONDS = 3;

/** Picks the scenario: the forced one, else the first scenario name found in the question (any case). */
export function pickScenario(question: string, forced?: ScenarioName): ScenarioName {
  if (forced) return forced;
  const q = question.toLowerCase();
  return SCENARIOS.find((name) => name !== 'default' && q.includes(name)) ?? 'default';
}

/**
 * Splits text into chunks of about `size` code points (CJK and emoji stay whole), keeping
 * `[id](CITE)` markers in one piece so a consumer can strip them per chunk.
 */
export function chunkText(text: string, size: number): string[] {
  const tokens = text.split(/(\[[0-9a-f]{24}\]\(CITE\))/).filter(Boolean);
  const chunks: string[] = [];
  for (const token of tokens) {
    if (/^\[[0-9a-f]{24}\]\(CITE\)$/.test(token)) {
      chunks.push(token);
      continue;
    }
    const points = Array.from(token);
    for (let i = 0; i < points.length; i += size) chunks.push(points.slice(i, i + size).join(''));
  }
  return chunks;
}

const startNode = (ids: FakeIds): NodeResponse => ({
  id: ids.nanoid(12),
  nodeId: '448745',
  moduleName: 'common:core.module.template.work_start',
  moduleType: 'workflowStart',
  runningTime: 0,
});

function chatNode(
  input: ScenarioInput,
  answer: string,
  extra: Partial<NodeResponse> & { runningTime: number; model?: string },
): NodeResponse {
  const historyPreview = [
    ...input.history.slice(-6),
    { obj: 'Human', value: input.question },
    { obj: 'AI', value: answer },
  ];
  const inputTokens = 40 + Array.from(input.question).length * 2;
  const outputTokens = Math.max(1, Math.round(Array.from(answer).length * 0.8));
  const { runningTime, model = 'gpt-4o-mini', ...rest } = extra;
  return {
    id: input.ids.nanoid(12),
    nodeId: '7BdojPlukIQw',
    moduleName: 'AI 对话',
    moduleType: 'chatNode',
    runningTime,
    totalPoints: Math.round((inputTokens + outputTokens) * 0.0000255 * 1e6) / 1e6,
    model,
    inputTokens,
    outputTokens,
    query: input.question,
    maxToken: 4000,
    ...rest,
    historyPreview,
    contextTotalLen: historyPreview.length,
    finishReason: 'stop',
  };
}

/** A question-classifier node in front of interactive and variable workflows (it shows a status). */
function classifySteps(input: ScenarioInput, result: string): ScenarioStep[] {
  return [
    { type: 'nodeStart', name: '问题分类' },
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'cQ2sV6nM8rTb',
        moduleName: '问题分类',
        moduleType: 'classifyQuestion',
        runningTime: 0.61,
        totalPoints: 0.0012,
        model: 'gpt-4o-mini',
        inputTokens: 182,
        outputTokens: 9,
        query: input.question,
        cqList: [
          { key: 'weather', value: '查天气' },
          { key: 'other', value: '其他问题' },
        ],
        cqResult: result,
      },
    },
  ];
}

const answers = (text: string, size: number): ScenarioStep[] =>
  chunkText(text, size).map((chunk) => ({ type: 'answer', text: chunk }));

function echo(input: ScenarioInput): string {
  return `You said: “${input.question}”. This reply comes from the fake FastGPT server.`;
}

function defaultPlan(input: ScenarioInput): ScenarioStep[] {
  const reply = echo(input);
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: 'AI 对话' },
    ...answers(reply, 16),
    { type: 'nodeEnd', response: chatNode(input, reply, { runningTime: 1.22 }) },
  ];
}

function reasonPlan(input: ScenarioInput): ScenarioStep[] {
  const reasoning = ['用户想看推理过程，', '先拆解问题，', '再给出简短的结论。'];
  const reply = `推理完成：${input.question.slice(0, 20)} 的答案是 42。`;
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: 'AI 对话' },
    ...reasoning.map((text): ScenarioStep => ({ type: 'reasoning', text })),
    ...answers(reply, 8),
    {
      type: 'nodeEnd',
      response: chatNode(input, reply, {
        runningTime: 2.51,
        model: 'deepseek-reasoner',
        reasoningText: reasoning.join(''),
      }),
    },
  ];
}

function toolPlan(input: ScenarioInput): ScenarioStep[] {
  const id = `call_${input.ids.nanoid(8)}`;
  const blank = { id, toolName: '', toolAvatar: '', params: '', response: '' };
  const fragments = ['{"ci', 'ty":', '"北京', '","unit"', ':"C"}'];
  const result = '{"weather":"晴","temp":21,"unit":"C"}';
  const reply = '北京今天晴，气温 21℃，适合出门。';
  const tool: ToolCallRecord = {
    id,
    toolName: '天气查询',
    toolAvatar: 'core/workflow/template/httpRequest',
    functionName: 'get_weather',
    params: '',
    response: '',
  };
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: '工具调用' },
    { type: 'toolCall', tool },
    ...fragments.map((params): ScenarioStep => ({ type: 'toolParams', tool: { ...blank, params } })),
    { type: 'toolResponse', tool: { ...blank, response: result } },
    ...answers(reply, 6),
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'k7Tz2QpLm9Xa',
        moduleName: '工具调用',
        moduleType: 'tools',
        runningTime: 3.08,
        totalPoints: 0.0421,
        model: 'gpt-4o-mini',
        inputTokens: 356,
        outputTokens: 41,
        toolCallInputTokens: 298,
        toolCallOutputTokens: 23,
        query: input.question,
        finishReason: 'stop',
        toolDetail: [
          {
            id: input.ids.nanoid(12),
            nodeId: 'hT5vR8wQ1zYc',
            moduleName: '天气查询',
            moduleType: 'httpRequest468',
            runningTime: 0.42,
            params: { city: '北京', unit: 'C' },
            httpResult: JSON.parse(result),
          },
        ],
      },
    },
  ];
}

const runtimeFields = (input: ScenarioInput, entry: string) => ({
  entryNodeIds: [entry],
  memoryEdges: [
    {
      source: '448745',
      sourceHandle: '448745-source-right',
      target: entry,
      targetHandle: `${entry}-target-left`,
      status: 'active',
    },
  ],
  nodeOutputs: [{ nodeId: '448745', key: 'userChatInput', value: input.question }],
  skipNodeQueue: [],
  usageId: input.ids.objectId(input.now),
});

/** The options of the `select` scenario. */
export const SELECT_OPTIONS: UserSelectOption[] = [
  { key: 'option1', value: '北京' },
  { key: 'option2', value: '上海' },
  { key: 'option3', value: '广州' },
];

function selectPlan(input: ScenarioInput): ScenarioStep[] {
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    ...classifySteps(input, '查天气'),
    {
      type: 'interactive',
      interactive: {
        type: 'userSelect',
        params: {
          description: '请选择要查询的城市',
          userSelectOptions: SELECT_OPTIONS.map((o) => ({ ...o })),
        },
        ...runtimeFields(input, 'nXr8Yb2kQ1aa'),
      },
    },
  ];
}

/** The fields of the `form` scenario. */
export function formFields(): UserInputFormItem[] {
  return [
    {
      type: 'input',
      key: 'city',
      label: '城市',
      value: '',
      defaultValue: '',
      valueType: 'string',
      required: true,
      maxLength: 20,
    },
    {
      type: 'numberInput',
      key: 'days',
      label: '天数',
      value: '',
      defaultValue: 3,
      valueType: 'number',
      required: false,
      min: 1,
      max: 7,
    },
    {
      type: 'select',
      key: 'unit',
      label: '单位',
      value: '',
      valueType: 'string',
      required: true,
      list: [
        { label: '摄氏度', value: 'C' },
        { label: '华氏度', value: 'F' },
      ],
    },
    {
      type: 'textarea',
      key: 'note',
      label: '备注',
      value: '',
      valueType: 'string',
      required: false,
      maxLength: 200,
      description: '可选，最多 200 字',
    },
    {
      type: 'switch',
      key: 'subscribe',
      label: '订阅每日天气',
      value: '',
      defaultValue: false,
      valueType: 'boolean',
      required: false,
    },
    {
      type: 'multipleSelect',
      key: 'metrics',
      label: '关注指标',
      value: '',
      valueType: 'arrayString',
      required: false,
      list: [
        { label: '温度', value: 'temp' },
        { label: '湿度', value: 'humidity' },
        { label: '风力', value: 'wind' },
      ],
    },
    {
      type: 'timePointSelect',
      key: 'departure',
      label: '出发时间',
      value: '',
      valueType: 'string',
      required: false,
    },
    {
      type: 'timeRangeSelect',
      key: 'trip',
      label: '行程日期',
      value: '',
      valueType: 'arrayString',
      required: false,
      timeGranularity: 'day',
    },
  ];
}

function formPlan(input: ScenarioInput): ScenarioStep[] {
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    ...classifySteps(input, '查天气'),
    {
      type: 'interactive',
      interactive: {
        type: 'userInput',
        params: { description: '请补充查询信息', inputForm: formFields() },
        ...runtimeFields(input, 'fM3qK7bN2xLp'),
      },
    },
  ];
}

function citePlan(input: ScenarioInput): ScenarioStep[] {
  const time = new Date(input.now - 86_400_000).toISOString();
  const quote = (q: string, a: string, chunkIndex: number, value: number): QuoteItem => ({
    id: input.ids.objectId(input.now),
    q,
    a,
    chunkIndex,
    datasetId: '646627f4f7b896cfd8910e38',
    collectionId: '653279b16cd42ab509e766e8',
    sourceName: 'FAQ.md',
    sourceId: '64fd3b6423aa1307b65896f6',
    updateTime: time,
    score: [{ type: 'embedding', value, index: chunkIndex }],
  });
  const quotes = [
    quote('电影《铃芽之旅》的导演是谁？', '电影《铃芽之旅》的导演是新海诚。', 0, 0.8935),
    quote('新海诚还有哪些作品？', '《你的名字》《天气之子》《秒速五厘米》等。', 1, 0.7712),
  ];
  const [first, second] = quotes as [QuoteItem, QuoteItem];
  const reply = `电影《铃芽之旅》的导演是新海诚[${first.id}](CITE)。他还执导了《你的名字》和《天气之子》[${second.id}](CITE)。`;
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: '知识库搜索' },
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'iKBoX2vIzETU',
        moduleName: '知识库搜索',
        moduleType: 'datasetSearchNode',
        runningTime: 0.87,
        totalPoints: 0.0002,
        query: input.question,
        embeddingModel: 'text-embedding-3-small',
        embeddingTokens: 6,
        similarity: 0.4,
        limit: 3000,
        searchMode: 'embedding',
        searchUsingReRank: false,
        quoteList: quotes,
      },
    },
    { type: 'nodeStart', name: 'AI 对话' },
    ...answers(reply, 10),
    { type: 'nodeEnd', response: chatNode(input, reply, { runningTime: 1.64 }) },
  ];
}

function variablePlan(input: ScenarioInput): ScenarioStep[] {
  const count = typeof input.variables.count === 'number' ? input.variables.count + 1 : 1;
  const variables = { ...input.variables, city: '北京', count };
  const text = `变量已更新：city = 北京，count = ${count}`;
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    ...classifySteps(input, '其他问题'),
    { type: 'updateVariables', variables },
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'vU8pD3sK6nQe',
        moduleName: '变量更新',
        moduleType: 'variableUpdate',
        runningTime: 0.01,
        updateVarResult: ['北京', count],
      },
    },
    // A node that fails inside the run: FastGPT records `errorText` and the workflow goes on.
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'hS9kW2rT5yUb',
        moduleName: '同步到 CRM',
        moduleType: 'httpRequest468',
        runningTime: 5,
        errorText: '请求超时：crm.example.com 5 秒内没有响应',
      },
    },
    { type: 'fastAnswer', text },
    {
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'aN4wZ7cR2mTy',
        moduleName: '指定回复',
        moduleType: 'answerNode',
        runningTime: 0,
        textOutput: text,
      },
    },
  ];
}

function interruptedPlan(input: ScenarioInput, end: ScenarioStep): ScenarioStep[] {
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: 'AI 对话' },
    ...answers('This reply starts normally, then the server fails.', 12).slice(0, 3),
    end,
  ];
}

function slowPlan(input: ScenarioInput): ScenarioStep[] {
  const reply = `${echo(input)} It streams slowly, one short piece every 200 milliseconds, so you can stop it.`;
  return [
    { type: 'nodeEnd', response: startNode(input.ids) },
    { type: 'nodeStart', name: 'AI 对话' },
    ...answers(reply, 6),
    { type: 'nodeEnd', response: chatNode(input, reply, { runningTime: 6.4 }) },
  ];
}

/** Builds the run of a scenario. `429` has no run (the rate limit answers before the stream). */
export function buildScenario(name: ScenarioName, input: ScenarioInput): ScenarioPlan {
  switch (name) {
    case 'markdown':
      return {
        name,
        steps: [
          { type: 'nodeEnd', response: startNode(input.ids) },
          { type: 'nodeStart', name: 'AI 对话' },
          ...answers(MARKDOWN_REPLY, 12),
          { type: 'nodeEnd', response: chatNode(input, MARKDOWN_REPLY, { runningTime: 8.37 }) },
        ],
      };
    case 'reason':
      return { name, steps: reasonPlan(input) };
    case 'tool':
      return { name, steps: toolPlan(input) };
    case 'select':
      return { name, steps: selectPlan(input) };
    case 'form':
      return { name, steps: formPlan(input) };
    case 'cite':
      return { name, steps: citePlan(input) };
    case 'variable':
      return { name, steps: variablePlan(input) };
    case 'error':
      return {
        name,
        steps: interruptedPlan(input, { type: 'error', message: '模型请求失败：上游连接超时' }),
      };
    case 'stall':
      return { name, steps: interruptedPlan(input, { type: 'stall' }) };
    case 'drop':
      return { name, steps: interruptedPlan(input, { type: 'drop' }) };
    case 'slow':
      return { name, steps: slowPlan(input), tokenDelayMs: 200 };
    default:
      return { name, steps: defaultPlan(input) };
  }
}

/** The run of a {@link FakeScriptedReply}: quotes, reasoning, a tool call, the answer, then a select. */
export function buildScriptedReply(reply: FakeScriptedReply, input: ScenarioInput): ScenarioPlan {
  const size = reply.chunkSize ?? 8;
  const nodeName = reply.nodeName ?? 'AI 对话';
  const steps: ScenarioStep[] = [{ type: 'nodeEnd', response: startNode(input.ids) }];
  const quotes: QuoteItem[] = (reply.quotes ?? []).map((quote, index) => ({
    ...quote,
    id: input.ids.objectId(input.now),
    chunkIndex: index,
    datasetId: '646627f4f7b896cfd8910e38',
    collectionId: '653279b16cd42ab509e766e8',
    sourceId: '64fd3b6423aa1307b65896f6',
    score: [{ type: 'embedding', value: 0.8, index }],
  }));
  if (quotes.length > 0) {
    steps.push(
      { type: 'nodeStart', name: '知识库搜索' },
      {
        type: 'nodeEnd',
        response: {
          id: input.ids.nanoid(12),
          nodeId: 'iKBoX2vIzETU',
          moduleName: '知识库搜索',
          moduleType: 'datasetSearchNode',
          runningTime: 0.5,
          query: input.question,
          quoteList: quotes,
        },
      },
    );
  }
  steps.push({ type: 'nodeStart', name: nodeName });
  for (const text of chunkText(reply.reasoning ?? '', size)) steps.push({ type: 'reasoning', text });
  if (reply.tool) {
    const id = `call_${input.ids.nanoid(8)}`;
    const blank = { id, toolName: '', toolAvatar: '', params: '', response: '' };
    steps.push({
      type: 'toolCall',
      tool: {
        ...blank,
        toolName: reply.tool.name,
        toolAvatar: reply.tool.avatar ?? '',
        functionName: 'scripted_tool',
      },
    });
    for (const params of chunkText(reply.tool.params, size)) {
      steps.push({ type: 'toolParams', tool: { ...blank, params } });
    }
    steps.push({ type: 'toolResponse', tool: { ...blank, response: reply.tool.response } });
  }
  const answer = `${reply.text ?? ''}${quotes.map((quote) => `[${quote.id}](CITE)`).join('')}`;
  steps.push(...answers(answer, size), {
    type: 'nodeEnd',
    response: chatNode(input, answer, { runningTime: 1, moduleName: nodeName }),
  });
  if (reply.select) {
    steps.push({
      type: 'interactive',
      interactive: {
        type: 'userSelect',
        params: {
          description: reply.select.description,
          userSelectOptions: reply.select.options.map((value, index) => ({
            key: `option${index + 1}`,
            value,
          })),
        },
        ...runtimeFields(input, 'nXr8Yb2kQ1aa'),
      },
    });
  }
  return { name: 'scripted', steps };
}

/**
 * The run after the user answered an interactive node: a userSelect answer continues to an AI reply
 * when it matches an option (else every branch is skipped); a form answer is echoed back.
 */
export function buildContinuation(interactive: InteractivePayload, input: ScenarioInput): ScenarioPlan {
  const steps: ScenarioStep[] = [];
  let reply: string | undefined;
  if (interactive.type === 'userSelect') {
    const chosen = interactive.params.userSelectOptions.find((o) => o.value === input.question);
    steps.push({
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'nXr8Yb2kQ1aa',
        moduleName: '用户选择',
        moduleType: 'userSelect',
        runningTime: 0,
        userSelectResult: input.question,
      },
    });
    if (chosen) reply = `你选择了「${chosen.value}」。${chosen.value}今天晴，气温 21℃。`;
  } else if (interactive.type === 'userInput') {
    const values = parseFormAnswer(input.question);
    steps.push({
      type: 'nodeEnd',
      response: {
        id: input.ids.nanoid(12),
        nodeId: 'fM3qK7bN2xLp',
        moduleName: '表单输入',
        moduleType: 'formInput',
        runningTime: 0,
        formInputResult: values,
      },
    });
    const summary = interactive.params.inputForm
      .map((field) => `${field.label}：${formatValue(values[field.key] ?? field.defaultValue)}`)
      .join('，');
    reply = `已收到表单。${summary}。`;
  }
  if (reply !== undefined) {
    steps.push({ type: 'nodeStart', name: 'AI 对话' }, ...answers(reply, 8), {
      type: 'nodeEnd',
      response: chatNode(input, reply, { runningTime: 1.05 }),
    });
  }
  return { name: 'continue', steps };
}

/** A form answer is a JSON object string; anything else counts as `{}` (as FastGPT does). */
export function parseFormAnswer(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function formatValue(value: unknown): string {
  if (value === undefined || value === '') return '（空）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
