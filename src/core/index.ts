export type {
  ActiveNode,
  ChatMessage,
  FilePart,
  InteractivePart,
  MessageFeedback,
  MessagePart,
  MessageStatus,
  QueuedMessage,
  ReasoningPart,
  TextPart,
  ToolPart,
} from './chat-message';
export { applyChatStreamEvent, applyStreamEvent, type ChatStreamState } from './chat-reducer';
export {
  type ChatCallbacks,
  type ChatDraftStorage,
  type ChatFileInput,
  type ChatFinishInfo,
  type ChatRequestOptions,
  type ChatSendOptions,
  type ChatServerChange,
  type ChatState,
  type ChatStatus,
  type ChatStore,
  type ChatStoreClient,
  type ChatStoreOptions,
  createChatStore,
  generateChatId,
} from './chat-store';
export {
  draftValueOf,
  type FormDraftValue,
  type FormDraftValues,
  type FormFieldKind,
  type FormFieldOption,
  type FormFieldSpec,
  fieldsFromUserInput,
  fieldsFromVariables,
  initialDraftValues,
  toTypedValues,
} from './form-fields';
export { createLogRowCache, type LogRowCache, type LogRowCacheOptions, sameLogRow } from './log-row-cache';
export { type AppLogsFilters, fastgptKeys, type RecordsView } from './query-keys';
export { recordToMessage } from './record-to-message';
export { unwrapInteractive } from './unwrap-interactive';
export {
  type FormErrorCode,
  type FormErrors,
  type FormFieldError,
  firstInvalidKey,
  validateFormValues,
} from './validate-form-values';
