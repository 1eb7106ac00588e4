import { CHAT_SOURCES, type ChatSource } from '../client/types';
import { isRecord, readShareCredentials } from './fake-auth';
import {
  canAccessChat,
  findLiveChat,
  liveItems,
  textOf,
  toChatRecord,
  toHistoryItem,
  viewNodeResponses,
} from './fake-chat-records';
import { type CompletionRuntime, handleCompletions, type StreamFault } from './fake-completions';
import { FakeHttpError } from './fake-errors';
import type { FakeApp, FakeChat } from './fake-model';
import { type FakeServerVersion, isAtLeast414 } from './fake-options';
import type { AuthResult, FakeRouteContext } from './fake-route-context';
import { sleep } from './fake-workflow-runner';

/** A chat route: its handler and the versions that have it. */
export interface FakeChatRoute {
  /** Path from `/api/` on. */
  path: string;
  /** Versions that serve the path (default all). */
  versions?: readonly FakeServerVersion[];
  /** The handler. */
  handle(
    ctx: FakeRouteContext,
    runtime: CompletionRuntime,
    fault: StreamFault | undefined,
  ): Promise<Response>;
}

const FROM_414: readonly FakeServerVersion[] = ['4.14', 'newest'];
const NEWEST: readonly FakeServerVersion[] = ['newest'];
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const THIRTY_DAYS_MS = 30 * 86_400_000;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const bodyOf = (ctx: FakeRouteContext): Record<string, unknown> => (isRecord(ctx.body) ? ctx.body : {});

/**
 * Authenticates a chat CRUD call and finds the app it targets. With `nested` share auth the app comes
 * from the link and an `appId` is a validation error (2026 rule); `legacy` share auth needs the link's
 * `appId` (else 504000).
 */
async function chatTarget(
  ctx: FakeRouteContext,
  params: Record<string, unknown>,
  options: { nestedShare?: boolean; appIdWithShare?: boolean } = {},
): Promise<{ auth: AuthResult; appId: string | undefined }> {
  const auth = await ctx.authenticate(options.nestedShare ? { nestedShare: true } : undefined);
  let appId = str(params.appId);
  if (auth.share && ctx.options.shareAuthPlacement === 'nested') {
    if (appId && !options.appIdWithShare) {
      throw FakeHttpError.validation(
        'appId cannot be used with share auth',
        ['appId'],
        'appId cannot be used with share auth',
      );
    }
    appId = auth.share.link.appId;
  }
  if (auth.share && !appId && options.appIdWithShare) appId = auth.share.link.appId;
  return { auth, appId };
}

/**
 * The chat a CRUD call names, checked for ownership (504000); `undefined` when it does not exist (or is
 * soft-deleted, unless `includeDeleted`).
 */
function ownedChat(
  ctx: FakeRouteContext,
  auth: AuthResult,
  app: FakeApp,
  chatId: unknown,
  includeDeleted = false,
): FakeChat | undefined {
  const chat = includeDeleted
    ? typeof chatId === 'string' && chatId
      ? ctx.state.chats.get(chatId)
      : undefined
    : findLiveChat(ctx.state, chatId);
  if (chat && !canAccessChat(chat, auth, app.appId)) throw FakeHttpError.known('unAuthChat');
  return chat;
}

function requireChatCrudApp(ctx: FakeRouteContext, auth: AuthResult, appId: string | undefined): FakeApp {
  // authChatCrud rejects a missing appId as an unauthorised chat.
  if (!appId) throw FakeHttpError.known('unAuthChat');
  return ctx.authApp(auth, appId);
}

function deleteChat(ctx: FakeRouteContext, chat: FakeChat): void {
  // Soft delete arrived in 4.14.4; older servers removed the documents.
  if (isAtLeast414(ctx.version)) chat.deleteTime = ctx.now();
  else ctx.state.chats.delete(chat.chatId);
}

async function getHistories(ctx: FakeRouteContext): Promise<Response> {
  const body = bodyOf(ctx);
  const source = body.source;
  if (source !== undefined && !CHAT_SOURCES.includes(source as ChatSource) && isAtLeast414(ctx.version)) {
    throw FakeHttpError.validation(
      'Invalid source',
      ['source'],
      `Invalid enum value. Expected ${CHAT_SOURCES.join(' | ')}`,
      '4.14',
    );
  }
  const auth = await ctx.authenticate();
  const now = ctx.now();
  let chats: FakeChat[];
  if (auth.share) {
    const { shareId, outLinkUid } = auth.share;
    chats = [...ctx.state.chats.values()].filter(
      (c) => c.shareId === shareId && c.outLinkUid === outLinkUid && c.updateTime >= now - THIRTY_DAYS_MS,
    );
  } else {
    const appId = str(body.appId);
    if (!appId || (isAtLeast414(ctx.version) && !OBJECT_ID.test(appId)))
      return ctx.json({ list: [], total: 0 });
    ctx.authApp(auth, appId);
    chats = [...ctx.state.chats.values()].filter(
      (c) => c.appId === appId && c.tmbId === auth.tmbId && (source === undefined || c.source === source),
    );
  }
  const bound = (value: unknown): number | undefined => {
    const ms =
      typeof value === 'string' || typeof value === 'number' ? Date.parse(String(value)) : Number.NaN;
    return Number.isNaN(ms) ? undefined : ms;
  };
  const [sc, ec, su, eu] = [
    body.startCreateTime,
    body.endCreateTime,
    body.startUpdateTime,
    body.endUpdateTime,
  ].map(bound);
  chats = chats.filter(
    (c) =>
      c.deleteTime === undefined &&
      (sc === undefined || c.createTime >= sc) &&
      (ec === undefined || c.createTime <= ec) &&
      (su === undefined || c.updateTime >= su) &&
      (eu === undefined || c.updateTime <= eu),
  );
  chats.sort((a, b) => Number(b.top) - Number(a.top) || b.updateTime - a.updateTime);
  const { offset, pageSize } = ctx.pagination();
  return ctx.json({ list: chats.slice(offset, offset + pageSize).map(toHistoryItem), total: chats.length });
}

function appView(app: FakeApp, withModels: boolean): Record<string, unknown> {
  return {
    chatConfig: structuredClone(app.chatConfig),
    ...(withModels ? { chatModels: [...app.chatModels] } : {}),
    name: app.name,
    avatar: app.avatar,
    intro: app.intro,
    type: app.type,
    pluginInputs: [],
  };
}

async function init(ctx: FakeRouteContext): Promise<Response> {
  const appIdParam = str(ctx.query.appId);
  const chatId = str(ctx.query.chatId);
  if (isAtLeast414(ctx.version)) {
    if (!chatId) throw FakeHttpError.validation('chatId is empty', ['chatId'], 'Required', '4.14');
    if (appIdParam && !OBJECT_ID.test(appIdParam)) {
      throw FakeHttpError.validation('Invalid appId', ['appId'], 'Invalid ObjectId', '4.14');
    }
  }
  const { auth, appId } = await chatTarget(ctx, ctx.query);
  if (!appId) {
    if (isAtLeast414(ctx.version))
      throw FakeHttpError.validation('appId is empty', ['appId'], 'Required', '4.14');
    throw FakeHttpError.plain("You don't have an app yet", 501);
  }
  const app = ctx.authApp(auth, appId);
  const chat = ownedChat(ctx, auth, app, chatId);
  return ctx.json({
    chatId,
    appId: app.appId,
    ...(chat ? { title: chat.customTitle || chat.title } : {}),
    variables: { ...(chat?.variables ?? {}) },
    app: appView(app, true),
  });
}

async function outLinkInit(ctx: FakeRouteContext): Promise<Response> {
  const nested = ctx.options.shareAuthPlacement === 'nested';
  let shareId: string | undefined;
  let outLinkUid: string | undefined;
  if (nested) {
    const creds = readShareCredentials({ query: ctx.query, body: ctx.body, placement: 'nested' });
    shareId = creds?.shareId;
    outLinkUid = creds?.outLinkUid;
  } else {
    shareId = str(ctx.query.shareId);
    outLinkUid = str(ctx.query.outLinkUid);
  }
  const link = shareId ? ctx.state.shareLinks.get(shareId) : undefined;
  if (!link || !outLinkUid) throw FakeHttpError.known('linkUnInvalid');
  const app = ctx.state.apps.get(link.appId);
  if (!app) throw FakeHttpError.known('appUnExist');
  const chatId = str(ctx.query.chatId);
  const chat = findLiveChat(ctx.state, chatId);
  if (chat && (chat.outLinkUid !== outLinkUid || chat.shareId !== link.shareId)) {
    throw FakeHttpError.known('unAuthChat');
  }
  return ctx.json({
    ...(chatId ? { chatId } : {}),
    appId: app.appId,
    ...(chatId && chat ? { title: chat.customTitle || chat.title } : {}),
    userAvatar: '/imgs/avatar/TealAvatar.svg',
    variables: { ...(chat?.variables ?? {}) },
    app: appView(app, false),
  });
}

async function getPaginationRecords(ctx: FakeRouteContext): Promise<Response> {
  const body = bodyOf(ctx);
  const { auth, appId } = await chatTarget(ctx, body);
  const chatId = str(body.chatId);
  if (!appId || !chatId) return ctx.json({ list: [], total: 0 });
  const app = ctx.authApp(auth, appId);
  // The log drawer asks for what the end user deleted too: soft-deleted chats and items (≥ 4.14.4).
  const includeDeleted = body.includeDeleted === true || body.includeDeleted === 'true';
  const chat = ownedChat(ctx, auth, app, chatId, includeDeleted);
  if (!chat) return ctx.json({ list: [], total: 0 });
  const items = includeDeleted ? chat.items : liveItems(chat);
  const { offset, pageSize } = ctx.pagination();
  // Newest page first (sort _id desc, skip, limit), then chronological inside the page.
  const page = items
    .slice()
    .reverse()
    .slice(offset, offset + pageSize)
    .reverse();
  const loadCustomFeedbacks = body.loadCustomFeedbacks === true || body.loadCustomFeedbacks === 'true';
  return ctx.json({
    list: page.map((item) => toChatRecord(item, { loadCustomFeedbacks, auth })),
    total: items.length,
  });
}

async function getResData(ctx: FakeRouteContext): Promise<Response> {
  const { auth, appId } = await chatTarget(ctx, ctx.query);
  const chatId = str(ctx.query.chatId);
  const dataId = str(ctx.query.dataId);
  if (!appId || !chatId || !dataId) return ctx.json([]);
  const app = ctx.authApp(auth, appId);
  const chat = ownedChat(ctx, auth, app, chatId);
  const item = chat && liveItems(chat).find((i) => i.dataId === dataId);
  if (item?.obj !== 'AI') return ctx.json([]);
  return ctx.json(viewNodeResponses(auth)(item.responseData ?? []));
}

async function updateHistory(ctx: FakeRouteContext): Promise<Response> {
  const body = bodyOf(ctx);
  const { auth, appId } = await chatTarget(ctx, body);
  if (isAtLeast414(ctx.version)) {
    if (!auth.share && (!appId || !OBJECT_ID.test(appId))) {
      throw FakeHttpError.validation('Invalid appId', ['appId'], 'Invalid ObjectId', '4.14');
    }
    if (!str(body.chatId)) throw FakeHttpError.validation('chatId is empty', ['chatId'], 'Required', '4.14');
  }
  const app = requireChatCrudApp(ctx, auth, appId);
  const chat = ownedChat(ctx, auth, app, body.chatId);
  if (chat) {
    if (typeof body.customTitle === 'string') chat.customTitle = body.customTitle;
    if (typeof body.title === 'string') chat.title = body.title;
    if (typeof body.top === 'boolean') chat.top = body.top;
    chat.updateTime = ctx.now();
  }
  return ctx.json(null);
}

async function delHistory(ctx: FakeRouteContext): Promise<Response> {
  const { auth, appId } = await chatTarget(ctx, ctx.query);
  const app = requireChatCrudApp(ctx, auth, appId);
  const chat = ownedChat(ctx, auth, app, ctx.query.chatId);
  if (chat) deleteChat(ctx, chat);
  return ctx.json(null);
}

async function clearHistories(ctx: FakeRouteContext): Promise<Response> {
  const { auth, appId } = await chatTarget(ctx, ctx.query);
  const app = requireChatCrudApp(ctx, auth, appId);
  const matches = (c: FakeChat): boolean => {
    if (c.appId !== app.appId || c.deleteTime !== undefined) return false;
    // Share: that user's chats of the whole app; key: every API chat; session: the caller's online chats.
    if (auth.share) return c.outLinkUid === auth.share.outLinkUid;
    if (auth.via === 'token') return c.source === 'online' && c.tmbId === auth.tmbId;
    return c.source === 'api';
  };
  for (const chat of [...ctx.state.chats.values()].filter(matches)) deleteChat(ctx, chat);
  return ctx.json(null);
}

async function deleteItem(ctx: FakeRouteContext, from: 'query' | 'body' | 'either'): Promise<Response> {
  const body = bodyOf(ctx);
  const params: Record<string, unknown> =
    from === 'query' ? { ...ctx.query } : from === 'body' ? body : { ...ctx.query, ...body };
  const { auth, appId } = await chatTarget(ctx, params);
  const chatId = str(params.chatId);
  const contentIds = Array.isArray(params.contentIds)
    ? params.contentIds.filter((id): id is string => typeof id === 'string')
    : [str(params.contentId)].filter((id): id is string => id !== undefined);
  if (!chatId || contentIds.length === 0) throw FakeHttpError.plain('contentId or chatId is empty');
  const app = requireChatCrudApp(ctx, auth, appId);
  const chat = ownedChat(ctx, auth, app, chatId);
  if (chat) {
    if (isAtLeast414(ctx.version)) {
      for (const item of chat.items) if (contentIds.includes(item.dataId)) item.deleteTime = ctx.now();
    } else {
      chat.items = chat.items.filter((item) => !contentIds.includes(item.dataId));
    }
  }
  return ctx.json(null);
}

async function updateUserFeedback(ctx: FakeRouteContext): Promise<Response> {
  const body = bodyOf(ctx);
  const { auth, appId } = await chatTarget(ctx, body);
  const modern = isAtLeast414(ctx.version);
  if (!modern && (!str(body.chatId) || !str(body.dataId)))
    throw FakeHttpError.plain('chatId or dataId is empty');
  const app = requireChatCrudApp(ctx, auth, appId);
  const chat = ownedChat(ctx, auth, app, body.chatId);
  const item = chat && liveItems(chat).find((i) => i.dataId === body.dataId);
  if (!item) {
    if (modern) throw FakeHttpError.plain('Chat item not found');
    return ctx.json(null);
  }
  // Given fields are set, omitted (or empty) ones are removed.
  const good = str(body.userGoodFeedback);
  const bad = str(body.userBadFeedback);
  if (good) item.userGoodFeedback = good;
  else delete item.userGoodFeedback;
  if (bad) item.userBadFeedback = bad;
  else delete item.userBadFeedback;
  return ctx.json(modern ? {} : null);
}

async function createQuestionGuide(ctx: FakeRouteContext): Promise<Response> {
  const body = bodyOf(ctx);
  const { auth, appId } = await chatTarget(ctx, body);
  const app = requireChatCrudApp(ctx, auth, appId);
  const chat = ownedChat(ctx, auth, app, body.chatId);
  const recent = chat ? liveItems(chat).slice(-6) : [];
  const lastHuman = [...recent].reverse().find((i) => i.obj === 'Human');
  if (!lastHuman) return ctx.json([]);
  const topic = Array.from(textOf(lastHuman.value).trim()).slice(0, 12).join('') || '这个话题';
  return ctx.json([
    `能再详细讲讲「${topic}」吗？`,
    `「${topic}」有哪些实际例子？`,
    `关于「${topic}」还需要注意什么？`,
  ]);
}

async function stopChat(ctx: FakeRouteContext, runtime: CompletionRuntime): Promise<Response> {
  const body = bodyOf(ctx);
  const { auth, appId } = await chatTarget(ctx, body, { nestedShare: true, appIdWithShare: true });
  const app = requireChatCrudApp(ctx, auth, appId);
  const chatId = str(body.chatId);
  if (!chatId) throw FakeHttpError.plain('chatId is empty');
  ownedChat(ctx, auth, app, chatId);
  const control = runtime.runs.get(chatId);
  if (control) {
    control.stop();
    // FastGPT waits up to 5 s for the workflow to wind down.
    const timeout = new AbortController();
    await Promise.race([control.finished, sleep(5000, timeout.signal)]);
    timeout.abort();
  }
  return ctx.json({ success: true });
}

/** Every chat route of the fake server, with the versions that serve it. */
export const CHAT_ROUTES: readonly FakeChatRoute[] = [
  { path: '/api/v1/chat/completions', handle: handleCompletions },
  { path: '/api/v2/chat/completions', handle: handleCompletions },
  { path: '/api/v2/chat/stop', versions: FROM_414, handle: (ctx, runtime) => stopChat(ctx, runtime) },
  { path: '/api/core/chat/getHistories', handle: getHistories },
  { path: '/api/core/chat/history/getHistories', versions: FROM_414, handle: getHistories },
  { path: '/api/core/chat/init', handle: init },
  { path: '/api/core/chat/outLink/init', handle: outLinkInit },
  { path: '/api/core/chat/getPaginationRecords', handle: getPaginationRecords },
  { path: '/api/core/chat/record/getPaginationRecords', versions: FROM_414, handle: getPaginationRecords },
  { path: '/api/core/chat/getResData', handle: getResData },
  { path: '/api/core/chat/record/getResData', versions: FROM_414, handle: getResData },
  { path: '/api/core/chat/updateHistory', handle: updateHistory },
  { path: '/api/core/chat/history/updateHistory', versions: FROM_414, handle: updateHistory },
  { path: '/api/core/chat/delHistory', handle: delHistory },
  { path: '/api/core/chat/history/delHistory', versions: FROM_414, handle: delHistory },
  { path: '/api/core/chat/clearHistories', handle: clearHistories },
  { path: '/api/core/chat/history/clearHistories', versions: FROM_414, handle: clearHistories },
  {
    path: '/api/core/chat/item/delete',
    handle: (ctx) => deleteItem(ctx, isAtLeast414(ctx.version) ? 'body' : 'query'),
  },
  { path: '/api/core/chat/record/delete', versions: NEWEST, handle: (ctx) => deleteItem(ctx, 'either') },
  { path: '/api/core/chat/feedback/updateUserFeedback', handle: updateUserFeedback },
  { path: '/api/core/ai/agent/v2/createQuestionGuide', handle: createQuestionGuide },
];
