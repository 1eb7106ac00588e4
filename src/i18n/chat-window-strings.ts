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
  // message log
  /** Shown while an existing chat's messages load. */
  loadingConversation: string;
  /** Button at the top of the log that loads older messages. */
  loadOlder: string;
  /** Shown while older messages load. */
  loadingOlder: string;
  /** Title of the bubble shown when the chat's messages could not be loaded. */
  recordsFailed: string;
  /** Shown where a part of the window (a form, the history) could not be loaded. */
  partFailed: string;
  /** Shown by the composer when a new chat's message is sent before the app's settings have loaded. */
  settingsLoadingBeforeSend: string;
  /** Shown by the composer when a message is sent while a workflow question (select or form) waits. */
  answerInteractiveFirst: string;
  /** Button that scrolls back to the newest message after the reader scrolled up. */
  jumpToLatest: string;
  /** Summary of an error bubble's technical details. */
  errorDetails: string;
  // run timeline and quote list (message details)
  /** Summary of a run timeline of one node; `{time}` becomes the run's duration. */
  runSummaryOne: string;
  /** Summary of a run timeline; `{count}` becomes the number of nodes, `{time}` the run's duration. */
  runSummary: string;
  /** Summary of a run whose nodes load when opened (stored replies); `{time}` the duration, if known. */
  runDetails: string;
  /** A duration in seconds; `{value}` becomes the number. */
  runSeconds: string;
  /** A token count; `{count}` becomes the number. */
  runTokens: string;
  /** AI points spent; `{count}` becomes the number. */
  runPoints: string;
  /** Accessible name of the list of nodes. */
  runNodesLabel: string;
  /** A node's error; `{message}` becomes its error text. */
  runNodeError: string;
  /** Shown while a stored reply's run details load. */
  runLoading: string;
  /** Shown when a stored reply has no run details. */
  runEmpty: string;
  /** Shown when a stored reply's run details failed to load; `{message}` becomes the reason. */
  runLoadFailed: string;
  /** Names of nodes whose own name is missing or an untranslated key, by `moduleType`. */
  runNodeNames: Record<string, string>;
  /** Summary of a quote list of one source. */
  sourcesOne: string;
  /** Summary of a quote list; `{count}` becomes the number of sources. */
  sources: string;
  /** Accessible name of the list of sources. */
  sourcesLabel: string;
  /** Shown for a quote without a source name. */
  sourceUnknown: string;
  /** A quote's score; `{type}` becomes the score's kind, `{value}` the score. */
  quoteScore: string;
  /** Names of score kinds (`embedding`, `fullText`, `reRank`, `rrf`). */
  quoteScoreTypes: Record<string, string>;
  /** Accessible name of a quote's toggle; `{number}` becomes its number, `{source}` its source name. */
  quoteToggle: string;
  /** Accessible name of the link that opens a quote's source; `{source}` becomes its name. */
  quoteOpenSource: string;
  // forms
  /** A required form field or variable was left empty. */
  formRequired: string;
  /** A text is shorter than allowed; `{limit}` becomes the shortest length. */
  formTooShort: string;
  /** A text is longer than allowed; `{limit}` becomes the longest length. */
  formTooLong: string;
  /** A number field holds something that is not a number. */
  formNotANumber: string;
  /** A number is below the minimum; `{limit}` becomes the minimum. */
  formBelowMin: string;
  /** A number is above the maximum; `{limit}` becomes the maximum. */
  formAboveMax: string;
  /** A time range ends before it starts. */
  formRangeOrder: string;
  /** The empty first choice of a select field. */
  formSelectPlaceholder: string;
  /** Label of a time range's first picker. */
  formRangeStart: string;
  /** Label of a time range's second picker. */
  formRangeEnd: string;
  /** The submit button of a workflow form. */
  formSubmit: string;
  /** Shown under a workflow form once it was submitted. */
  formSubmitted: string;
  /** Shown (and announced) when a submit was refused because fields need fixing. */
  formFixErrors: string;
  /** Accessible name of the welcome area shown before the first message. */
  welcomeLabel: string;
  /** Heading of the app's variables form. */
  variablesHeading: string;
  /** Announced while the app's welcome text and variables load. */
  welcomeLoading: string;
  /** Shown when the app's welcome text and variables could not be loaded. */
  initFailed: string;
  /** Shown in the composer when a send was refused because required variables are empty. */
  variablesRequiredBeforeSend: string;
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
  // message actions
  /** Accessible name of the toolbar under a message. */
  messageActions: string;
  /** Copy button of a message (its text, without reasoning). */
  copyMessage: string;
  /** Shown and announced for a moment after a message was copied. */
  messageCopied: string;
  /** Shown when the clipboard refused or is unavailable. */
  copyFailed: string;
  /** The "good answer" feedback toggle. */
  feedbackGood: string;
  /** The "bad answer" feedback toggle; opens the optional reason form. */
  feedbackBad: string;
  /** Label of the optional reason box of a bad rating. */
  feedbackReasonLabel: string;
  /** Sends a bad rating with its reason. */
  feedbackSubmit: string;
  /** Closes the reason form without rating. */
  feedbackCancel: string;
  /** Shown when FastGPT refused a rating (the rating is undone). */
  feedbackFailed: string;
  /** Asks the last question again. */
  regenerate: string;
  /** Opens a user message for editing. */
  editMessage: string;
  /** Label of the text box that edits a user message. */
  editLabel: string;
  /** Saves an edited message (it is sent again and later messages are replaced). */
  editSave: string;
  /** Leaves editing without changes. */
  editCancel: string;
  /** Shown when an edited message would be empty. */
  editEmpty: string;
  /** Deletes a message (after a confirmation). */
  deleteMessage: string;
  /** The confirmation question before deleting. */
  deleteConfirm: string;
  /** Confirms the deletion. */
  deleteConfirmYes: string;
  /** Keeps the message. */
  deleteCancel: string;
  /** Shown when FastGPT refused a deletion (the message is back); `{message}` becomes the error's message. */
  deleteFailed: string;
  /** Accessible name of the group of suggested follow-up questions. */
  suggestions: string;
  /** Read out while suggested questions load. */
  suggestionsLoading: string;
  // read-only view
  /** Shown in a read-only window (`readOnly`) whose chat has no messages. */
  readOnlyEmpty: string;
  /** Read-only badge of an answer the user rated good. */
  feedbackRatedGood: string;
  /** Read-only badge of an answer the user rated bad. */
  feedbackRatedBad: string;
  /** The reason given with a bad rating, in the read-only badge; `{reason}` becomes the reason. */
  feedbackReasonShown: string;
  /** Label of the custom feedback entries shown under an answer in a read-only window. */
  customFeedbacksLabel: string;
  /** Badge of a message the end user deleted (a read-only log view shows them). */
  deletedByUser: string;
  /** Strings of the markdown renderer (code block copy button, citation chips…). */
  markdown: MarkdownLabels;
}

/** Overrides of {@link ChatWindowStrings}; `markdown` may be partial too. */
export type ChatWindowStringsOverrides = Partial<Omit<ChatWindowStrings, 'markdown'>> & {
  /** Overrides of the markdown renderer's strings. */
  markdown?: Partial<MarkdownLabels>;
};
