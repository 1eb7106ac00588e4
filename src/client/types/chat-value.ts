import type { InteractivePayload } from './interactive';
import type { ToolCallRecord } from './node-response';

/** Who wrote a stored chat item. */
export type ChatItemRole = 'Human' | 'AI' | 'System';

/** A text value item. */
export interface TextValueItem {
  type: 'text';
  text: { content: string };
}

/** A file or image the user attached (Human items only). */
export interface FileValueItem {
  type: 'file';
  file: { type: 'image' | 'file'; name?: string; url: string; key?: string };
}

/** The model's reasoning (AI items). */
export interface ReasoningValueItem {
  type: 'reasoning';
  reasoning: { content: string };
}

/** Tool calls the agent made (AI items). */
export interface ToolValueItem {
  type: 'tool';
  tools: ToolCallRecord[];
}

/** A workflow pause (AI items); answered ones carry `userSelectedVal` or `submitted`. */
export interface InteractiveValueItem {
  type: 'interactive';
  interactive: InteractivePayload;
}

/** One piece of a stored chat item, with its `type` present. */
export type ChatValueItem =
  | TextValueItem
  | FileValueItem
  | ReasoningValueItem
  | ToolValueItem
  | InteractiveValueItem;

/**
 * A value item as it arrives on the wire: the newest servers omit `type`
 * (`{"text":{"content":"…"}}`). Use `normalizeValueItem` to get a {@link ChatValueItem}.
 */
export type WireChatValueItem =
  | ChatValueItem
  | { type?: undefined; text: { content: string } }
  | { type?: undefined; file: FileValueItem['file'] }
  | { type?: undefined; reasoning: { content: string } }
  | { type?: undefined; tools: ToolCallRecord[] }
  | { type?: undefined; interactive: InteractivePayload };
