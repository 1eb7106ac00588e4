'use client';
import type { MarkdownLabels } from '../components/markdown';

/** A language the kit ships strings for. */
export type Locale = 'en' | 'zh-CN';

/**
 * Every string `ChatWindow` shows or announces. `{name}`-style placeholders are filled in at render time;
 * override any entry through the `strings` prop.
 */
export interface ChatWindowStrings {
  /** Accessible name of the message log. */
  messagesLabel: string;
  /** Shown in the log before the first message. */
  empty: string;
  /** Hidden role label before a user message, for screen readers. */
  userLabel: string;
  /** Hidden role label before an assistant message, for screen readers. */
  assistantLabel: string;
  /** Shown while the reply has not started yet. */
  thinking: string;
  /** The workflow node running now; `{name}` becomes its name. */
  runningNode: string;
  /** Summary of a finished reasoning block. */
  reasoning: string;
  /** Summary of a reasoning block that is still streaming. */
  reasoningStreaming: string;
  /** Accessible name of a tool card; `{name}` becomes the tool's name. */
  tool: string;
  /** State of a tool that is still running. */
  toolRunning: string;
  /** State of a tool that finished. */
  toolDone: string;
  /** Heading of a tool's parameters. */
  toolParams: string;
  /** Heading of a tool's response. */
  toolResponse: string;
  /** Shown under an answered choice; `{value}` becomes the chosen option. */
  selectedOption: string;
  /** Shown under a form that this version cannot fill in yet. */
  formUnsupported: string;
  /** Badge of a reply the user stopped. */
  stopped: string;
  /** Title of an error bubble. */
  errorTitle: string;
  /** The retry button of an error bubble. */
  retry: string;
  /** Announced once when a reply finishes. */
  replyFinished: string;
  /** Announced once when the user stops a reply. */
  replyStopped: string;
  /** Announced once when a reply fails; `{message}` becomes the error's message. */
  replyFailed: string;
  /** Accessible label of the composer's text box. */
  composerLabel: string;
  /** Placeholder of the composer's text box. */
  composerPlaceholder: string;
  /** The send button. */
  send: string;
  /** The stop button shown while a reply streams. */
  stop: string;
  /** Heading of the list of queued messages. */
  queued: string;
  /** Accessible name of a queued message's cancel button; `{text}` becomes the message. */
  cancelQueued: string;
  // history
  /** Accessible name of the history sidebar, and the text of the button that opens it in narrow windows. */
  historyLabel: string;
  /** The button that starts a new chat. */
  historyNewChat: string;
  /** Heading of the pinned chats. */
  historyPinned: string;
  /** Heading of the other chats. */
  historyRecent: string;
  /** Shown when the app has no chats. */
  historyEmpty: string;
  /** Announced while the chat list loads. */
  historyLoading: string;
  /** Shown when the chat list cannot load; `{message}` becomes the error's message. */
  historyLoadFailed: string;
  /** The button that loads the next page of chats. */
  historyLoadMore: string;
  /** Shown while the next page of chats loads. */
  historyLoadingMore: string;
  /** Title of a chat that has neither a custom nor an automatic title. */
  historyUntitled: string;
  /** Accessible name of a chat's rename button; `{title}` becomes the chat's title. */
  historyRename: string;
  /** Accessible name of the rename text box; `{title}` becomes the chat's title. */
  historyRenameInput: string;
  /** Placeholder of the rename text box (an empty title restores the automatic one). */
  historyRenamePlaceholder: string;
  /** Hint of the rename text box. */
  historyRenameHint: string;
  /** The button that saves a new title. */
  historyRenameSave: string;
  /** Accessible name of a chat's pin button; `{title}` becomes the chat's title. */
  historyPin: string;
  /** Accessible name of a pinned chat's unpin button; `{title}` becomes the chat's title. */
  historyUnpin: string;
  /** Accessible name of a chat's delete button; `{title}` becomes the chat's title. */
  historyDelete: string;
  /** Question that confirms deleting a chat; `{title}` becomes the chat's title. */
  historyDeleteConfirm: string;
  /** The button that confirms deleting a chat. */
  historyDeleteConfirmButton: string;
  /** The button that cancels a rename, a delete or clearing the list. */
  historyCancel: string;
  /** The button that deletes every chat. */
  historyClearAll: string;
  /** Question that confirms deleting every chat. */
  historyClearConfirm: string;
  /** The button that confirms deleting every chat. */
  historyClearConfirmButton: string;
  /** Shown when a rename fails (the old title is back); `{message}` becomes the error's message. */
  historyRenameFailed: string;
  /** Shown when pinning or unpinning fails; `{message}` becomes the error's message. */
  historyPinFailed: string;
  /** Shown when deleting a chat fails (it is back in the list); `{message}` becomes the error's message. */
  historyDeleteFailed: string;
  /** Shown when clearing the list fails (the chats are back); `{message}` becomes the error's message. */
  historyClearFailed: string;
  /** Accessible name of the button that hides an error message. */
  historyDismiss: string;
  /** BCP 47 locale that dates in the list are formatted for (e.g. `en`, `zh-CN`). */
  historyDateLocale: string;
  /** Strings of the markdown renderer (code block copy button, citation chips…). */
  markdown: MarkdownLabels;
}

/** Overrides of {@link ChatWindowStrings}; `markdown` may be partial too. */
export type ChatWindowStringsOverrides = Partial<Omit<ChatWindowStrings, 'markdown'>> & {
  /** Overrides of the markdown renderer's strings. */
  markdown?: Partial<MarkdownLabels>;
};
