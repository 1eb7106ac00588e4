import type {
  ChatCompletionMessage,
  ChatHistoryItem,
  ChatRecord,
  ChatValueItem,
  InteractivePayload,
  NodeResponse,
  QuoteItem,
} from '../client/types';
import type { FakeChat, FakeChatItem, FakeState } from './fake-model';
import type { AuthResult } from './fake-route-context';
import { stripCiteMarkers } from './fake-workflow-runner';

/** Node types a share-link caller may see (`filterPublicNodeResponseData`). */
const PUBLIC_NODE_TYPES = new Set([
  'appModule',
  'pluginModule',
  'datasetSearchNode',
  'tools',
  'agent',
  'pluginOutput',
  'runApp',
  'app',
]);

/** A chat that exists and is not soft-deleted. */
export function findLiveChat(state: FakeState, chatId: unknown): FakeChat | undefined {
  if (typeof chatId !== 'string' || !chatId) return undefined;
  const chat = state.chats.get(chatId);
  return chat && chat.deleteTime === undefined ? chat : undefined;
}

/** Items that are not soft-deleted, oldest first. */
export function liveItems(chat: FakeChat): FakeChatItem[] {
  return chat.items.filter((item) => item.deleteTime === undefined);
}

/**
 * FastGPT's chat ownership check: a share caller only reaches chats of its link and uid, a session
 * user their own chats (any chat of the app with `readChatLog`), a key any chat of its team's app.
 */
export function canAccessChat(chat: FakeChat, auth: AuthResult, appId: string): boolean {
  if (chat.appId !== appId || chat.teamId !== auth.teamId) return false;
  if (auth.share) return chat.outLinkUid === auth.share.outLinkUid;
  if (auth.via === 'token') return chat.tmbId === auth.tmbId || auth.readChatLog === true;
  return true;
}

/** What a caller sees of node responses: everything for keys and tokens, public nodes for share links. */
export function viewNodeResponses(auth: AuthResult): (responses: NodeResponse[]) => NodeResponse[] {
  const share = auth.share;
  if (!share) return (responses) => responses;
  return (responses) =>
    responses
      .filter((r) => PUBLIC_NODE_TYPES.has(r.moduleType))
      .map((r) => {
        const kept: NodeResponse = { moduleType: r.moduleType, runningTime: r.runningTime };
        if (r.pluginOutput !== undefined) kept.pluginOutput = r.pluginOutput;
        if (share.link.showCite && r.quoteList) kept.quoteList = r.quoteList;
        return kept;
      });
}

/** The history row of a chat (§3.2). */
export function toHistoryItem(chat: FakeChat): ChatHistoryItem {
  return {
    chatId: chat.chatId,
    updateTime: new Date(chat.updateTime).toISOString(),
    appId: chat.appId,
    customTitle: chat.customTitle,
    title: chat.title,
    top: chat.top,
  };
}

/** Options of {@link toChatRecord}. */
export interface ToChatRecordOptions {
  /** Include `customFeedbacks`. */
  loadCustomFeedbacks: boolean;
  /** The caller (share links see less). */
  auth: AuthResult;
}

/** A stored item as `getPaginationRecords` returns it: `responseData` stripped, AI extras computed (§3.7). */
export function toChatRecord(item: FakeChatItem, options: ToChatRecordOptions): ChatRecord {
  const share = options.auth.share;
  let value = structuredClone(item.value);
  if (share && !share.link.showRunningStatus) value = value.filter((v) => v.type !== 'tool');
  if (share && !share.link.showCite) value = value.map(stripCiteFromValue);
  const record: ChatRecord = {
    _id: item._id,
    dataId: item.dataId,
    obj: item.obj,
    value,
    time: new Date(item.time).toISOString(),
  };
  if (item.hideInUI !== undefined) record.hideInUI = item.hideInUI;
  if (item.userGoodFeedback !== undefined) record.userGoodFeedback = item.userGoodFeedback;
  if (item.userBadFeedback !== undefined) record.userBadFeedback = item.userBadFeedback;
  if (item.adminFeedback !== undefined) record.adminFeedback = item.adminFeedback;
  if (item.durationSeconds !== undefined) record.durationSeconds = item.durationSeconds;
  if (item.errorMsg !== undefined) record.errorMsg = item.errorMsg;
  if (options.loadCustomFeedbacks) {
    record.customFeedbacks = item.customFeedbacks ?? [];
    // FastGPT ≥ 4.14.4 adds the soft-delete time beside the custom feedback (`null` when not deleted).
    record.deleteTime = item.deleteTime === undefined ? null : new Date(item.deleteTime).toISOString();
  }
  if (item.obj === 'AI') {
    const responses = item.responseData ?? [];
    const text = textOf(item.value);
    record.llmModuleAccount = responses.filter(
      (r) => r.moduleType === 'chatNode' || r.moduleType === 'tools',
    ).length;
    record.totalQuoteList = citedQuotes(responses, text);
    record.historyPreviewLength = responses.reduce(
      (n, r) => n + (Array.isArray(r.historyPreview) ? r.historyPreview.length : 0),
      0,
    );
  }
  return record;
}

function stripCiteFromValue(value: ChatValueItem): ChatValueItem {
  return value.type === 'text'
    ? { type: 'text', text: { content: stripCiteMarkers(value.text.content) } }
    : value;
}

// 4.14.x keeps only quotes whose id is cited in the answer text.
function citedQuotes(responses: NodeResponse[], text: string): QuoteItem[] {
  const quotes = responses.flatMap((r) => r.quoteList ?? []);
  return quotes.filter((q) => text.includes(`[${q.id}](CITE)`));
}

/** All text of value items, joined. */
export function textOf(values: ChatValueItem[]): string {
  return values
    .filter((v) => v.type === 'text')
    .map((v) => v.text.content)
    .join('');
}

/** The text of a request message (string content, or its text parts joined). */
export function messageText(message: ChatCompletionMessage | undefined): string {
  if (!message) return '';
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.content)) return '';
  return message.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/** A request message as stored Human value items (`GPTMessages2Chats`): text, images and files. */
export function messageValues(message: ChatCompletionMessage | undefined): ChatValueItem[] {
  if (!message) return [];
  if (typeof message.content === 'string') {
    return message.content ? [{ type: 'text', text: { content: message.content } }] : [];
  }
  if (!Array.isArray(message.content)) return [];
  const values: ChatValueItem[] = [];
  for (const part of message.content) {
    if (part.type === 'text' && part.text) values.push({ type: 'text', text: { content: part.text } });
    if (part.type === 'image_url')
      values.push({ type: 'file', file: { type: 'image', url: part.image_url.url } });
    if (part.type === 'file_url')
      values.push({ type: 'file', file: { type: 'file', name: part.name, url: part.url } });
  }
  return values;
}

/** The interactive payload the chat is waiting on: the last AI item ends with an unanswered one. */
export function pendingInteractive(
  chat: FakeChat | undefined,
): { item: FakeChatItem; interactive: InteractivePayload } | undefined {
  if (!chat) return undefined;
  const items = liveItems(chat);
  const item = items[items.length - 1];
  if (item?.obj !== 'AI') return undefined;
  const last = item.value[item.value.length - 1];
  if (last?.type !== 'interactive') return undefined;
  const { interactive } = last;
  if (interactive.type === 'userSelect' && interactive.params.userSelectedVal === undefined)
    return { item, interactive };
  if (interactive.type === 'userInput' && !interactive.params.submitted) return { item, interactive };
  return undefined;
}

/** Earlier turns as `{obj, value}` text pairs (for `historyPreview`). */
export function historyPreview(items: FakeChatItem[]): Array<{ obj: 'Human' | 'AI'; value: string }> {
  return items
    .filter((i) => i.obj !== 'System')
    .map((i) => ({ obj: i.obj as 'Human' | 'AI', value: textOf(i.value) }));
}
