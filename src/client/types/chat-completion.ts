import type { WireChatValueItem } from './chat-value';
import type { NodeResponse } from './node-response';

/** A part of a multimodal user message (OpenAI style, as FastGPT accepts it). */
export type ChatMessageContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file_url'; name: string; url: string };

/** One message sent to `/api/v1/chat/completions`. */
export interface ChatCompletionMessage {
  /** Author of the message. */
  role: 'user' | 'assistant' | 'system';
  /** Plain text, or parts with images and files. */
  content: string | ChatMessageContentPart[];
  /** FastGPT extra: the dataId the saved user item gets. */
  dataId?: string;
  /** FastGPT extra: saved but hidden in chat UIs. */
  hideInUI?: boolean;
}

/** Request body of `POST /api/v1/chat/completions` (without `stream`, which the method decides). */
export interface ChatCompletionRequest {
  /** The conversation. With a `chatId`, only the last message is used; FastGPT loads the rest. */
  messages: ChatCompletionMessage[];
  /** Conversation id. Absent: the server generates one and keeps no context. */
  chatId?: string;
  /** App id: needed with account keys and share links; wins over the key's app on new servers. */
  appId?: string;
  /** Named SSE events (stream) or `responseData` + `newVariables` (non-stream). Default false. */
  detail?: boolean;
  /** App global variables, merged over the chat's stored ones. */
  variables?: Record<string, unknown>;
  /** The dataId the AI reply is saved under (unique within the chat). */
  responseChatItemId?: string;
  /** Keep `[id](CITE)` markers in the answer text (≥ 4.9.7). */
  retainDatasetCite?: boolean;
  /** End-user id recorded with the chat (shows in the log table's User column). */
  customUid?: string;
}

/** Token usage; FastGPT always answers the placeholder 1/1/1. */
export interface ChatCompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Response of a non-stream chat completion (not enveloped). */
export interface ChatCompletionResponse {
  /** The chatId (or `""` on some versions). */
  id: string;
  /** Always `""`. */
  model: string;
  /** Placeholder usage. */
  usage?: ChatCompletionUsage;
  /** One choice holding the reply. */
  choices: Array<{
    message: {
      role: 'assistant';
      /** Text, or with `detail` and several items the raw value items; absent when the run paused. */
      content?: string | WireChatValueItem[];
      /** Reasoning text (≥ 4.14.4, when content is a string). */
      reasoning_content?: string;
    };
    finish_reason: string | null;
    index: number;
  }>;
  /** Node responses (`detail: true`). */
  responseData?: NodeResponse[];
  /** Variables after the run (`detail: true`). */
  newVariables?: Record<string, unknown>;
  /** Present when the last node failed; the request still succeeded. */
  error?: unknown;
  /** Generated chat title (newest servers). */
  title?: string;
}

/** The OpenAI-style chunk carried by `answer` and `fastAnswer` events. */
export interface ChatCompletionChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: Array<{
    delta: { role?: 'assistant'; content?: string | null; reasoning_content?: string | null };
    index: number;
    finish_reason: string | null;
  }>;
}
