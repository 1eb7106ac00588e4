import type { FastGPTError } from '../errors';
import type { ChatCompletionChunk } from './chat-completion';
import type { InteractivePayload } from './interactive';
import type { NodeResponse, ToolCallRecord } from './node-response';

/** Fields every stream event has. */
interface StreamEventBase {
  /** The SSE `id:` line, when the server sent one (newest servers, optional). */
  sseId?: string;
}

/** A piece of the reply: text and/or reasoning deltas (`answer` chunks, or every chunk with `detail: false`). */
export interface AnswerStreamEvent extends StreamEventBase {
  type: 'answer';
  /** Text to append to the reply (may be `""`). */
  text: string;
  /** Reasoning text to append (may be `""`). */
  reasoning: string;
  /** `"stop"` on the closing chunk, otherwise `null`. */
  finishReason: string | null;
  /** The chunk as sent. */
  chunk: ChatCompletionChunk;
}

/** The whole text of a "specified reply" node, sent at once. FastGPT prefixes it with `"\n"`. */
export interface FastAnswerStreamEvent extends StreamEventBase {
  type: 'fastAnswer';
  /** Text to append to the reply. */
  text: string;
  /** Reasoning text to append (normally `""`). */
  reasoning: string;
  /** The chunk as sent. */
  chunk: ChatCompletionChunk;
}

/** A workflow node started (e.g. "知识库搜索"). FastGPT only ever sends `running`. */
export interface FlowNodeStatusStreamEvent extends StreamEventBase {
  type: 'flowNodeStatus';
  /** Always `running` on known servers. */
  status: 'running' | (string & {});
  /** The node's display name. */
  name: string;
}

/** The agent decided to call a tool. */
export interface ToolCallStreamEvent extends StreamEventBase {
  type: 'toolCall';
  /** The tool, with empty `params` and `response`. */
  tool: ToolCallRecord;
}

/** A fragment of a tool call's JSON arguments; append `params` to the call with the same `id`. */
export interface ToolParamsStreamEvent extends StreamEventBase {
  type: 'toolParams';
  /** Only `id` and the `params` fragment are meaningful. */
  tool: ToolCallRecord;
}

/** A tool finished; `response` is its whole result. */
export interface ToolResponseStreamEvent extends StreamEventBase {
  type: 'toolResponse';
  /** Only `id` and `response` are meaningful. */
  tool: ToolCallRecord;
}

/** A variable-update node ran; `variables` is the whole variable object after the change. */
export interface UpdateVariablesStreamEvent extends StreamEventBase {
  type: 'updateVariables';
  /** All user variables after the update. */
  variables: Record<string, unknown>;
}

/** The workflow paused for the user (userSelect, userInput, nested). The run ends after this. */
export interface InteractiveStreamEvent extends StreamEventBase {
  type: 'interactive';
  /** What to ask the user. */
  interactive: InteractivePayload;
}

/** How long the whole workflow ran (≥ 4.9.7, before the closing chunk). */
export interface WorkflowDurationStreamEvent extends StreamEventBase {
  type: 'workflowDuration';
  /** Seconds. */
  durationSeconds: number;
}

/** All node responses of the run; sent once, after `done`. */
export interface FlowResponsesStreamEvent extends StreamEventBase {
  type: 'flowResponses';
  /** The node responses, in run order. */
  responses: NodeResponse[];
}

/** One node's response, right after it ran (v2 API). */
export interface FlowNodeResponseStreamEvent extends StreamEventBase {
  type: 'flowNodeResponse';
  /** The node response. */
  response: NodeResponse;
}

/**
 * FastGPT reported a failure on the stream. The iterator yields this event, then throws the same
 * `error` object, so a `for await` loop can both fold it into state and stop.
 */
export interface ErrorStreamEvent extends StreamEventBase {
  type: 'error';
  /** The classified error (`AuthenticationError`, `APIError`, …) with a human message. */
  error: FastGPTError;
  /** The event's data as sent. */
  data: unknown;
}

/** `[DONE]`: the reply is complete. With `detail: true`, `flowResponses` may still follow. */
export interface DoneStreamEvent extends StreamEventBase {
  type: 'done';
}

/** An event this kit does not know (e.g. newer servers' `chatTitle` or `plan`), passed through untouched. */
export interface UnknownStreamEvent extends StreamEventBase {
  type: 'unknown';
  /** The SSE event name. */
  event: string;
  /** The parsed JSON data, or the raw text when it is not JSON. */
  data: unknown;
}

/** Every event `streamChatCompletion` yields, discriminated by `type`. */
export type FastGPTStreamEvent =
  | AnswerStreamEvent
  | FastAnswerStreamEvent
  | FlowNodeStatusStreamEvent
  | ToolCallStreamEvent
  | ToolParamsStreamEvent
  | ToolResponseStreamEvent
  | UpdateVariablesStreamEvent
  | InteractiveStreamEvent
  | WorkflowDurationStreamEvent
  | FlowResponsesStreamEvent
  | FlowNodeResponseStreamEvent
  | ErrorStreamEvent
  | DoneStreamEvent
  | UnknownStreamEvent;

/** The `type` of any stream event. */
export type FastGPTStreamEventType = FastGPTStreamEvent['type'];
