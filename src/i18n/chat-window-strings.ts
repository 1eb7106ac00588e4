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
  /** Strings of the markdown renderer (code block copy button, citation chips…). */
  markdown: MarkdownLabels;
}

/** Overrides of {@link ChatWindowStrings}; `markdown` may be partial too. */
export type ChatWindowStringsOverrides = Partial<Omit<ChatWindowStrings, 'markdown'>> & {
  /** Overrides of the markdown renderer's strings. */
  markdown?: Partial<MarkdownLabels>;
};
