import type {
  ChatCompletionMessage,
  ChatCompletionResponse,
  ChatValueItem,
  WireChatValueItem,
} from '../client/types';
import { isRecord } from './fake-auth';
import {
  canAccessChat,
  findLiveChat,
  historyPreview,
  messageText,
  messageValues,
  pendingInteractive,
  viewNodeResponses,
} from './fake-chat-records';
import { FakeHttpError, fakeJsonResponse, renderFakeError, teamRateLimitError } from './fake-errors';
import type { FakeApp, FakeChat } from './fake-model';
import type { AuthResult, FakeRouteContext } from './fake-route-context';
import {
  buildContinuation,
  buildScenario,
  buildScriptedReply,
  pickScenario,
  SCENARIO_RETRY_AFTER_SECONDS,
  type ScenarioInput,
  type ScenarioPlan,
} from './fake-scenarios';
import { SSE_HEADERS, sseErrorFrame } from './fake-sse-writer';
import { RunControl, type RunResult, runPlan, stripCiteMarkers } from './fake-workflow-runner';

/** Server-side state the completion routes share with the stop route and the fault injector. */
export interface CompletionRuntime {
  /** Running workflows by chatId (what `/api/v2/chat/stop` stops). */
  runs: Map<string, RunControl>;
}

/** An injected stream fault handed to the completion route. */
export interface StreamFault {
  /** Destroy the connection, or go silent. */
  kind: 'drop' | 'stall';
  /** Events written before it strikes. */
  afterEvents: number;
}

// Keys FastGPT removes from `newVariables`.
const SYSTEM_VARIABLES = ['userId', 'appId', 'chatId', 'responseChatItemId', 'histories', 'cTime'];

/** A bare `event: error` write before the stream started: HTTP 200, no event-stream content type (§9.4). */
function preStreamError(error: unknown, ctx: FakeRouteContext): Response {
  const rendered = renderFakeError(error, ctx.version);
  // newest validates the input before the handler runs, so schema errors stay JSON.
  if (error instanceof FakeHttpError && error.isZodOn(ctx.version) && ctx.version === 'newest') {
    return ctx.errorResponse(error);
  }
  const bytes = new TextEncoder().encode(sseErrorFrame(rendered.sseData));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } });
}

/** Everything a turn needs after auth and validation. */
interface Turn {
  auth: AuthResult;
  app: FakeApp;
  chatId: string;
  requestChatId: string | undefined;
  chat: FakeChat | undefined;
  lastMessage: ChatCompletionMessage | undefined;
  question: string;
  variables: Record<string, unknown>;
  plan: ScenarioPlan;
  continuation: ReturnType<typeof pendingInteractive>;
  responseChatItemId: string;
  stripCite: boolean;
}

/** `POST /api/v1/chat/completions` and `/api/v2/chat/completions` (§3.1, §4, §6). */
export async function handleCompletions(
  ctx: FakeRouteContext,
  runtime: CompletionRuntime,
  fault: StreamFault | undefined,
): Promise<Response> {
  const body: Record<string, unknown> = isRecord(ctx.body) ? ctx.body : {};
  const stream = body.stream === true;
  let turn: Turn;
  try {
    const prepared = await prepareTurn(ctx, body);
    if (prepared instanceof Response) return prepared;
    turn = prepared;
  } catch (error) {
    return stream ? preStreamError(error, ctx) : ctx.errorResponse(error);
  }
  return stream
    ? streamTurn(ctx, runtime, turn, body, fault)
    : await jsonTurn(ctx, runtime, turn, body, fault);
}

async function prepareTurn(ctx: FakeRouteContext, body: Record<string, unknown>): Promise<Turn | Response> {
  const messages = body.messages ?? [];
  if (!Array.isArray(messages)) {
    throw FakeHttpError.validation(
      'messages is not array',
      ['messages'],
      `Expected array, received ${typeof messages}`,
    );
  }
  if (ctx.version === 'newest' && messages.length === 0) {
    throw FakeHttpError.validation(
      'messages is empty',
      ['messages'],
      'Array must contain at least 1 element(s)',
    );
  }
  const auth = await ctx.authenticate();
  const app = resolveApp(ctx, auth, body);
  if (messages.length === 0) throw FakeHttpError.plain('messages is empty');

  const requestChatId = typeof body.chatId === 'string' && body.chatId ? body.chatId : undefined;
  const chat = findLiveChat(ctx.state, requestChatId);
  if (chat) {
    const sameLink = !auth.share || chat.shareId === auth.share.shareId;
    if (!canAccessChat(chat, auth, app.appId) || !sameLink) throw FakeHttpError.known('unAuthChat');
  }
  const lastMessage = messages[messages.length - 1] as ChatCompletionMessage | undefined;
  const question = messageText(lastMessage);
  const variables = { ...(chat?.variables ?? {}), ...(isRecord(body.variables) ? body.variables : {}) };
  const continuation = pendingInteractive(chat);
  const history = chat
    ? historyPreview(chat.items.filter((i) => i.deleteTime === undefined))
    : (messages.slice(0, -1) as ChatCompletionMessage[]).map((m) => ({
        obj: m.role === 'assistant' ? ('AI' as const) : ('Human' as const),
        value: messageText(m),
      }));
  const input: ScenarioInput = { question, history, variables, ids: ctx.ids, now: ctx.now() };
  let plan: ScenarioPlan;
  if (continuation) {
    plan = buildContinuation(continuation.interactive, input);
  } else if (ctx.options.reply) {
    plan = buildScriptedReply(ctx.options.reply, input);
  } else {
    const name = pickScenario(question, ctx.options.scenario);
    if (name === '429') return ctx.errorResponse(teamRateLimitError(SCENARIO_RETRY_AFTER_SECONDS));
    plan = buildScenario(name, input);
  }
  const share = auth.share;
  const retain = body.retainDatasetCite === true && (!share || share.link.showCite);
  return {
    auth,
    app,
    chatId: requestChatId ?? ctx.ids.nanoid(24),
    requestChatId,
    chat,
    lastMessage,
    question,
    variables,
    plan,
    continuation,
    responseChatItemId:
      typeof body.responseChatItemId === 'string' && body.responseChatItemId
        ? body.responseChatItemId
        : ctx.ids.nanoid(16),
    stripCite: !retain,
  };
}

function resolveApp(ctx: FakeRouteContext, auth: AuthResult, body: Record<string, unknown>): FakeApp {
  const bodyAppId = typeof body.appId === 'string' && body.appId ? body.appId : undefined;
  let appId: string | undefined;
  if (auth.via === 'share') appId = auth.appId;
  else if (auth.via === 'appKey') appId = ctx.version === 'newest' && bodyAppId ? bodyAppId : auth.appId;
  else appId = bodyAppId ?? auth.appId;
  if (!appId) {
    throw FakeHttpError.plain(
      auth.via === 'accountKey'
        ? 'Key is error. You need to use the app key rather than the account key.'
        : 'appId is empty',
    );
  }
  const app = ctx.state.apps.get(appId);
  if (!app) throw FakeHttpError.plain('app is empty');
  if (app.teamId !== auth.teamId) throw FakeHttpError.known('unAuthApp');
  return app;
}

/** Saves the turn like FastGPT: a Human + AI pair, or an interactive answer folded into the last AI item. */
function saveTurn(ctx: FakeRouteContext, turn: Turn, body: Record<string, unknown>, result: RunResult): void {
  const now = ctx.now();
  const { auth } = turn;
  let chat = turn.chat;
  if (!chat) {
    chat = {
      _id: ctx.ids.objectId(now),
      chatId: turn.chatId,
      appId: turn.app.appId,
      title: '新对话',
      customTitle: '',
      top: false,
      source: auth.share ? 'share' : auth.via === 'token' ? 'online' : 'api',
      sourceName: auth.share ? auth.share.link.name : (auth.keyName ?? ''),
      tmbId: auth.tmbId,
      teamId: turn.app.teamId,
      createTime: now,
      updateTime: now,
      variables: {},
      items: [],
    };
    if (auth.share) {
      chat.shareId = auth.share.shareId;
      chat.outLinkUid = auth.share.outLinkUid;
    } else if (typeof body.customUid === 'string' && body.customUid) {
      chat.outLinkUid = body.customUid;
    }
    if (isRecord(body.metadata)) chat.metadata = body.metadata;
    ctx.state.chats.set(chat.chatId, chat);
  }
  chat.variables = { ...turn.variables, ...(result.variables ?? {}) };
  chat.updateTime = now;
  const points = result.responses.reduce((sum, r) => sum + (r.totalPoints ?? 0), 0);
  if (auth.share) auth.share.link.usagePoints += points;

  if (turn.continuation) {
    const { item, interactive } = turn.continuation;
    if (interactive.type === 'userSelect') interactive.params.userSelectedVal = turn.question;
    if (interactive.type === 'userInput') {
      const values = parseAnswer(turn.question);
      for (const field of interactive.params.inputForm) {
        if (field.key in values) field.value = values[field.key];
      }
      interactive.params.submitted = true;
    }
    item.value.push(...result.values);
    item.durationSeconds = round2((item.durationSeconds ?? 0) + result.durationSeconds);
    item.responseData = [...(item.responseData ?? []), ...result.responses];
    if (result.errorMessage) item.errorMsg = result.errorMessage;
    return;
  }
  chat.title = Array.from(turn.question).slice(0, 20).join('') || '新对话';
  const message = turn.lastMessage;
  chat.items.push({
    _id: ctx.ids.objectId(now),
    dataId: typeof message?.dataId === 'string' && message.dataId ? message.dataId : ctx.ids.nanoid(24),
    obj: 'Human',
    value: messageValues(message),
    time: now,
    ...(message?.hideInUI !== undefined ? { hideInUI: message.hideInUI } : {}),
  });
  chat.items.push({
    _id: ctx.ids.objectId(now),
    dataId: turn.responseChatItemId,
    obj: 'AI',
    value: result.values,
    time: now,
    durationSeconds: result.durationSeconds,
    responseData: result.responses,
    ...(result.errorMessage ? { errorMsg: result.errorMessage } : {}),
  });
}

function parseAnswer(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function streamTurn(
  ctx: FakeRouteContext,
  runtime: CompletionRuntime,
  turn: Turn,
  body: Record<string, unknown>,
  fault: StreamFault | undefined,
): Response {
  const control = new RunControl();
  runtime.runs.set(turn.chatId, control);
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let dropped: unknown;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    pull() {
      if (dropped !== undefined) controller.error(dropped);
    },
    cancel() {
      closed = true;
      control.abort();
    },
  });
  const write = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  const fail = (reason: unknown) => {
    if (closed) return;
    closed = true;
    controller.error(reason);
  };
  const signal = ctx.request.signal;
  const onAbort = () => {
    control.abort();
    fail(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  const detail = body.detail === true;
  const run = async () => {
    let saved = false;
    const save = (result: RunResult) => {
      if (saved) return;
      saved = true;
      saveTurn(ctx, turn, body, result);
    };
    try {
      const result = await runPlan(turn.plan, write, {
        detail,
        v2: ctx.path.startsWith('/api/v2/'),
        showStatus: !turn.auth.share || turn.auth.share.link.showRunningStatus,
        stripCite: turn.stripCite,
        viewResponses: viewNodeResponses(turn.auth),
        tokenDelayMs: ctx.options.tokenDelayMs,
        heartbeatMs: ctx.options.heartbeatMs,
        control,
        beforeDone: save,
        ...(fault ? { fault } : {}),
      });
      switch (result.outcome) {
        case 'drop':
          // Bytes already sent still arrive; the error surfaces once they are read (pull on an empty queue).
          if (!closed) {
            closed = true;
            dropped = new TypeError('terminated');
            if ((controller.desiredSize ?? 0) > 0) controller.error(dropped);
          }
          return;
        case 'stall':
          if (control.state === 'running') {
            await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
          }
          save(result);
          if (control.state === 'stopped' && !closed) {
            closed = true;
            controller.close();
          }
          return;
        case 'aborted':
        case 'error':
          save(result);
          break;
        default:
          save(result);
      }
      if (!closed) {
        closed = true;
        controller.close();
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (runtime.runs.get(turn.chatId) === control) runtime.runs.delete(turn.chatId);
      control.markFinished();
    }
  };
  void run();
  return new Response(stream, { status: 200, headers: { ...SSE_HEADERS } });
}

async function jsonTurn(
  ctx: FakeRouteContext,
  runtime: CompletionRuntime,
  turn: Turn,
  body: Record<string, unknown>,
  fault: StreamFault | undefined,
): Promise<Response> {
  const control = new RunControl();
  runtime.runs.set(turn.chatId, control);
  const signal = ctx.request.signal;
  const onAbort = () => control.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const detail = body.detail === true;
  try {
    if (fault?.kind === 'drop') return Response.error();
    const result = await runPlan(turn.plan, () => {}, {
      detail,
      v2: ctx.path.startsWith('/api/v2/'),
      showStatus: false,
      stripCite: turn.stripCite,
      viewResponses: viewNodeResponses(turn.auth),
      tokenDelayMs: 0,
      heartbeatMs: 0,
      control,
      ...(fault ? { fault } : {}),
    });
    if (result.outcome === 'drop') return Response.error();
    if (result.outcome === 'stall') {
      if (control.state === 'running') {
        await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
      }
      throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
    }
    saveTurn(ctx, turn, body, result);
    if (result.outcome === 'error')
      return ctx.errorResponse(FakeHttpError.plain(result.errorMessage ?? 'error'));
    return fakeJsonResponse(completionBody(ctx, turn, result, detail));
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (runtime.runs.get(turn.chatId) === control) runtime.runs.delete(turn.chatId);
    control.markFinished();
  }
}

/** The non-stream body of §3.1 for the configured version. */
function completionBody(
  ctx: FakeRouteContext,
  turn: Turn,
  result: RunResult,
  detail: boolean,
): ChatCompletionResponse {
  const version = ctx.version;
  const values: ChatValueItem[] = result.values.map((v) =>
    v.type === 'text' && turn.stripCite
      ? { type: 'text', text: { content: stripCiteMarkers(v.text.content) } }
      : v,
  );
  const message: ChatCompletionResponse['choices'][number]['message'] = { role: 'assistant' };
  const only = values.length === 1 ? values[0] : undefined;
  if (values.length === 0) message.content = '';
  else if (only?.type === 'text') message.content = only.text.content;
  else if (only && version === '4.14') {
    // 4.14.4+ quirk: a single non-text item leaves `content` undefined.
  } else if (detail) {
    const stripType = version === 'newest' && ctx.path.startsWith('/api/v2/');
    message.content = stripType ? values.map(withoutType) : values;
  } else {
    message.content = values
      .filter((v) => v.type === 'text')
      .map((v) => v.text.content)
      .join('\n');
  }
  const reasoning = values
    .filter((v) => v.type === 'reasoning')
    .map((v) => v.reasoning.content)
    .join('');
  if (reasoning && typeof message.content === 'string' && (version === '4.14' || version === 'newest')) {
    message.reasoning_content = reasoning;
  }
  const idIsSaved = version === '4.13' || version === 'newest';
  const response: ChatCompletionResponse = {
    id: idIsSaved ? turn.chatId : (turn.requestChatId ?? ''),
    model: '',
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 1 },
    choices: [{ message, finish_reason: 'stop', index: 0 }],
  };
  const last = result.responses[result.responses.length - 1];
  const error = last?.error ?? last?.errorText;
  const head: Partial<ChatCompletionResponse> = {};
  if (detail) {
    head.responseData = viewNodeResponses(turn.auth)(result.responses);
    const variables: Record<string, unknown> = { ...turn.variables, ...(result.variables ?? {}) };
    for (const key of SYSTEM_VARIABLES) delete variables[key];
    head.newVariables = variables;
  }
  return { ...head, ...response, ...(error !== undefined ? { error } : {}) };
}

function withoutType(value: ChatValueItem): WireChatValueItem {
  const { type: _type, ...rest } = value;
  return rest as WireChatValueItem;
}
