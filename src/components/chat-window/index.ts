'use client';
// ChatWindow: the drop-in chat UI and its parts for custom layouts.
export type { ChatWindowStrings, ChatWindowStringsOverrides, Locale } from '../../i18n';
export { chatWindowStrings, en, zhCN } from '../../i18n';
// Code highlighting (ChatWindow's `highlighter` prop): the types an adapter implements.
export {
  type CodeFontStyle,
  type CodeHighlighter,
  type CodeHighlighterLoader,
  type CodeToken,
  type CodeTokenLine,
  fontStylesFromFlags,
} from '../markdown';
export { ChatWindow, type ChatWindowProps } from './chat-window';
export { ChatWindowComposer, type ChatWindowComposerProps } from './chat-window-composer';
export {
  ChatWindowContext,
  type ChatWindowContextValue,
  type ChatWindowControls,
  ChatWindowControlsContext,
  useChatWindow,
  useChatWindowControls,
  useChatWindowState,
} from './chat-window-context';
export { ChatWindowHistory, type ChatWindowHistoryProps } from './chat-window-history';
export type { ChatWindowHistoryMode } from './chat-window-history-layout';
export { ChatWindowMessages, type ChatWindowMessagesProps } from './chat-window-messages';
export { ChatWindowRoot, type ChatWindowRootProps, type ChatWindowTheme } from './chat-window-root';
export { ChatWindowWelcome, type ChatWindowWelcomeProps } from './chat-window-welcome';
export type { ChatWindowPartRenderers, PartRendererProps } from './part-renderers';
export { ChatWindowSuggestions, type ChatWindowSuggestionsProps } from './suggested-questions';
