'use client';
// String tables of the components; every visible or announced string goes through them.
export type { ChatWindowStrings, ChatWindowStringsOverrides, Locale } from './chat-window-strings';
export { en } from './en';
export {
  chatWindowStrings,
  resolveStrings,
  StringsContext,
  useChatWindowStrings,
  useStrings,
} from './strings-context';
export { zhCN } from './zh-cn';
