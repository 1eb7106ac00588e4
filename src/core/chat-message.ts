import type { FastGPTError } from '../client/errors';
import type { InteractivePayload, NodeResponse, QuoteItem } from '../client/types';

/** Text of the reply (or of the user's message). Consecutive text is merged into one part. */
export interface TextPart {
  type: 'text';
  /** The markdown text. */
  text: string;
}

/** The model's reasoning; `streaming` while reasoning deltas still arrive. */
export interface ReasoningPart {
  type: 'reasoning';
  /** The reasoning text. */
  text: string;
  /** True until the first non-reasoning output (or the end) arrives. */
  streaming: boolean;
}

/** A tool the agent called. `params` accumulates from `toolParams` fragments. */
export interface ToolPart {
  type: 'tool';
  /** Tool call id. */
  id: string;
  /** Display name. */
  name: string;
  /** Avatar path or URL. */
  avatar: string;
  /** Function name given to the model. */
  functionName: string;
  /** JSON text of the arguments (possibly incomplete while `running`). */
  params: string;
  /** The tool's result (empty while `running`). */
  response: string;
  /** `running` until its `toolResponse` arrives (or the reply ends). */
  state: 'running' | 'done';
}

/** A workflow pause waiting for the user (userSelect / userInput), or answered. */
export interface InteractivePart {
  type: 'interactive';
  /** What FastGPT asked; nested payloads are unwrapped to the deepest one. */
  interactive: InteractivePayload;
  /** Whether the user already answered (then the workflow continued). */
  answered: boolean;
  /** What was sent back: the option value (userSelect) or the form values (userInput). */
  answer?: string | Record<string, unknown>;
}

/** A file or image attached to a user message. */
export interface FilePart {
  type: 'file';
  /** `image` or another `file`. */
  kind: 'image' | 'file';
  /** Where it is. */
  url: string;
  /** File name, when known. */
  name?: string;
}

/** A typed piece of a message. */
export type MessagePart = TextPart | ReasoningPart | ToolPart | InteractivePart | FilePart;

/** Where a message is in its life. */
export type MessageStatus = 'pending' | 'streaming' | 'done' | 'stopped' | 'error';

/** The user's feedback on an answer. */
export interface MessageFeedback {
  /** Good or bad. */
  rating: 'good' | 'bad';
  /** The reason given with a bad rating. */
  reason?: string;
}

/** One message of a chat, as the store holds it. Objects are replaced, never mutated. */
export interface ChatMessage {
  /** FastGPT's dataId (the user item's or the AI item's); generated before sending. */
  id: string;
  /** Who wrote it. */
  role: 'user' | 'assistant';
  /** The content, in order. */
  parts: MessagePart[];
  /** Life-cycle state; user messages are `done` once sent (or `error` when sending failed). */
  status: MessageStatus;
  /** Why it failed, with a human message. */
  error?: FastGPTError;
  /** The user's feedback (assistant messages). */
  feedback?: MessageFeedback;
  /** Custom feedback entries on the answer (stored records loaded with `loadCustomFeedbacks`). */
  customFeedbacks?: string[];
  /** When the end user deleted it, epoch ms (stored records loaded with `includeDeleted`). */
  deletedAt?: number;
  /** How long the workflow ran, in seconds. */
  durationSeconds?: number;
  /** The run's node responses (the timeline), from `flowResponses` or `flowNodeResponse`. */
  responseData?: NodeResponse[];
  /** Knowledge-base chunks the reply cites, from the responses' quote lists. */
  citations?: QuoteItem[];
  /** When it was created, epoch ms. */
  createdAt: number;
}

/** The workflow node running now (from `flowNodeStatus`), or none. */
export interface ActiveNode {
  /** The node's display name, e.g. "知识库搜索". */
  name: string;
  /** Always `running` on known servers. */
  status: string;
}

/** A file or image to send with a message (an uploaded file's URL). */
export interface ChatFileInput {
  /** `image` (sent as `image_url`) or another `file` (sent as `file_url`). */
  kind: 'image' | 'file';
  /** Where it is. */
  url: string;
  /** File name (default: the URL's last path segment). */
  name?: string;
}

/** A message typed while a reply was streaming; sent when the reply ends, unless cancelled. */
export interface QueuedMessage {
  /** Id of the queued entry; it becomes the user message's id (FastGPT's dataId) when sent. */
  id: string;
  /** The text to send. */
  text: string;
  /** Files to send with it. */
  files?: ChatFileInput[];
}
