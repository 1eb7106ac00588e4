/** Where a chat came from, as FastGPT records it (`ChatSourceEnum`). */
export type ChatSource =
  | 'test'
  | 'online'
  | 'share'
  | 'api'
  | 'cronJob'
  | 'team'
  | 'feishu'
  | 'official_account'
  | 'wecom'
  | 'mcp';

/** Every chat source FastGPT knows, in the order its log page lists them. */
export const CHAT_SOURCES: readonly ChatSource[] = [
  'test',
  'online',
  'share',
  'api',
  'cronJob',
  'team',
  'feishu',
  'official_account',
  'wecom',
  'mcp',
];
