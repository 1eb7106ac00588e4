/** Groups of FastGPT routes the proxy can forward. */
export type ProxyRouteGroup = 'chat' | 'history' | 'logs';

/**
 * What one conversation needs, given its chatId: completions, stop, init, its records, feedback and
 * suggested questions (legacy and current aliases).
 */
export const CHAT_ROUTES: readonly string[] = [
  '/api/v1/chat/completions',
  '/api/v2/chat/completions',
  '/api/v2/chat/stop',
  '/api/core/chat/init',
  '/api/core/chat/outLink/init',
  '/api/core/chat/getPaginationRecords',
  '/api/core/chat/record/getPaginationRecords',
  '/api/core/chat/getResData',
  '/api/core/chat/record/getResData',
  '/api/core/chat/item/delete',
  '/api/core/chat/record/delete',
  '/api/core/chat/feedback/updateUserFeedback',
  '/api/core/ai/agent/v2/createQuestionGuide',
];

/**
 * The chat list: listing, renaming, deleting and clearing chats. With one key behind the proxy every visitor
 * shares the key owner's list (FastGPT scopes it by key owner, not by visitor), so enable it only where each
 * proxy user is your own authenticated user with a list of their own, or for an internal tool.
 */
export const HISTORY_ROUTES: readonly string[] = [
  '/api/core/chat/getHistories',
  '/api/core/chat/history/getHistories',
  '/api/core/chat/updateHistory',
  '/api/core/chat/history/updateHistory',
  '/api/core/chat/delHistory',
  '/api/core/chat/history/delHistory',
  '/api/core/chat/clearHistories',
  '/api/core/chat/history/clearHistories',
];

/** Log-table and analytics endpoints: forwarded only when asked for, since they expose every user's chats. */
export const LOG_ROUTES: readonly string[] = [
  '/api/core/app/logs/list',
  '/api/core/app/logs/exportLogs',
  '/api/core/app/getChatLogs',
  '/api/core/app/exportChatLogs',
  '/api/proApi/core/app/logs/getChartData',
  '/api/proApi/core/app/logs/getTotalData',
];

const GROUPS: Record<ProxyRouteGroup, readonly string[]> = {
  chat: CHAT_ROUTES,
  history: HISTORY_ROUTES,
  logs: LOG_ROUTES,
};

/**
 * Finds the FastGPT route at the end of an incoming path, so the proxy works under any mount point
 * (`/api/fastgpt/api/v1/chat/completions` → `/api/v1/chat/completions`). Returns `undefined` when the path
 * is not in the allowed groups.
 */
export function matchAllowedRoute(pathname: string, groups: readonly ProxyRouteGroup[]): string | undefined {
  for (const group of groups) {
    for (const route of GROUPS[group]) {
      if (pathname === route || pathname.endsWith(route)) return route;
    }
  }
  return undefined;
}
