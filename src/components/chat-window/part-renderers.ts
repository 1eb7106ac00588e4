import type { ReactNode } from 'react';
import type { ChatMessage, MessagePart } from '../../core/chat-message';

/** What a part renderer gets. */
export interface PartRendererProps<Part extends MessagePart = MessagePart> {
  /** The part to show. */
  part: Part;
  /** Who wrote the message the part belongs to. */
  role: ChatMessage['role'];
  /** The id of that message. */
  messageId: string;
  /** True while this part is the one still growing. */
  streaming: boolean;
  /** The built-in view of the part, for renderers that wrap rather than replace it. */
  children: ReactNode;
}

/**
 * Renderers that replace the built-in view of each part type, passed to `ChatWindow` as `renderers`.
 * Inline functions are fine: the window keeps stable stand-ins that call the latest ones when a part renders.
 * A settled message keeps what was drawn for it; a renderer that reads state of yours which changes later
 * redraws settled messages only when the window gets a new `key`.
 *
 * @example
 * const renderers = { tool: ({ part }) => <MyToolCard name={part.name} params={part.params} /> };
 * <ChatWindow renderers={renderers} />
 */
export type ChatWindowPartRenderers = {
  [Type in MessagePart['type']]: (
    props: PartRendererProps<Extract<MessagePart, { type: Type }>>,
  ) => ReactNode;
};
