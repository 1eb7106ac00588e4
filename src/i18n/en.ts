'use client';
import { defaultMarkdownLabels } from '../components/markdown';
import type { ChatWindowStrings } from './chat-window-strings';

/** English strings of `ChatWindow`. */
export const en: ChatWindowStrings = {
  messagesLabel: 'Conversation',
  empty: 'Ask a question to start the conversation.',
  userLabel: 'You',
  assistantLabel: 'Assistant',
  thinking: 'Thinking…',
  runningNode: 'Running: {name}…',
  reasoning: 'Reasoning',
  reasoningStreaming: 'Reasoning…',
  tool: 'Tool: {name}',
  toolRunning: 'Running',
  toolDone: 'Done',
  toolParams: 'Parameters',
  toolResponse: 'Response',
  selectedOption: 'You chose: {value}',
  formUnsupported: 'This form cannot be filled in here yet.',
  stopped: 'Stopped',
  errorTitle: 'Something went wrong',
  retry: 'Retry',
  replyFinished: 'Reply finished.',
  replyStopped: 'Reply stopped.',
  replyFailed: 'Reply failed: {message}',
  composerLabel: 'Message',
  composerPlaceholder: 'Ask anything… (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  stop: 'Stop',
  queued: 'Queued',
  cancelQueued: 'Cancel queued message: {text}',
  // message log
  loadingConversation: 'Loading the conversation…',
  loadOlder: 'Load older messages',
  loadingOlder: 'Loading older messages…',
  recordsFailed: 'The conversation could not be loaded',
  jumpToLatest: 'Jump to latest',
  errorDetails: 'Details',
  markdown: defaultMarkdownLabels,
};
