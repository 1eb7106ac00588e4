'use client';
import { memo, type ReactNode, useCallback, useState } from 'react';
import type { ChatMessage, MessagePart } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { Markdown, sanitizeUrl } from '../markdown';
import { useChatWindowControls } from './chat-window-context';
import { InteractivePartView } from './interactive-part';
import { LazyMessageActions } from './lazy-message-actions';
import { LazyMessageEdit } from './lazy-message-tools';
import { MessageDetails } from './message-details';
import { MessageError } from './message-error';
import type { PartRendererProps } from './part-renderers';
import { createQuoteReveal } from './quote-reveal';
import { ReasoningPartView } from './reasoning-part';
import { ToolPartView } from './tool-part';

/** Props of {@link MessageRow}. Every prop is stable while the message is, so settled rows never re-render. */
export interface MessageRowProps {
  /** The message; rows are memoized by its object identity. */
  message: ChatMessage;
  /** Whether this message's error is the one `retry()` would send again. */
  canRetry: boolean;
  /** The chat's `retry`. */
  onRetry: () => Promise<void>;
  /** The chat's `answerInteractive`. */
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
  /** The FastGPT origin relative URLs resolve against. */
  baseUrl: string | undefined;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

interface PartViewProps extends Omit<MessageRowProps, 'canRetry' | 'onRetry' | 'message'> {
  part: MessagePart;
  growing: boolean;
  role: ChatMessage['role'];
  messageId: string;
  citations: ChatMessage['citations'];
  onCitationClick: (quoteId: string) => void;
}

// Memoized with props that stay stable while the part does, so the settled parts of a streaming reply do not
// re-render with every frame of its last part.
const PartView = memo(function PartView(props: PartViewProps) {
  const { renderers } = useChatWindowControls();
  const { part, growing, role, messageId } = props;
  const builtIn = <BuiltInPartView {...props} />;
  const render = renderers[part.type] as ((props: PartRendererProps) => ReactNode) | undefined;
  if (!render) return builtIn;
  return <>{render({ part, role, messageId, streaming: growing, children: builtIn })}</>;
});

function BuiltInPartView({
  part,
  growing,
  role,
  citations,
  onCitationClick,
  onAnswer,
  baseUrl,
  strings,
}: PartViewProps) {
  switch (part.type) {
    case 'text':
      // The user's own words are shown as typed; only model output is markdown.
      return role === 'user' ? (
        <p className="fgk-message-text">{part.text}</p>
      ) : (
        <Markdown
          text={part.text}
          streaming={growing}
          baseUrl={baseUrl}
          citations={citations}
          onCitationClick={onCitationClick}
          labels={strings.markdown}
        />
      );
    case 'reasoning':
      return <ReasoningPartView part={part} strings={strings} />;
    case 'tool':
      return <ToolPartView part={part} baseUrl={baseUrl} strings={strings} />;
    case 'interactive':
      return <InteractivePartView part={part} onAnswer={onAnswer} strings={strings} />;
    case 'file': {
      const url = sanitizeUrl(part.url, part.kind === 'image' ? 'image' : 'link', baseUrl);
      if (!url) return null;
      return part.kind === 'image' ? (
        <img className="fgk-message-image" src={url} alt={part.name ?? ''} />
      ) : (
        <a className="fgk-message-file" href={url} target="_blank" rel="noopener noreferrer">
          {part.name ?? url}
        </a>
      );
    }
  }
}

function MessageRowView({ message, canRetry, onRetry, onAnswer, baseUrl, strings }: MessageRowProps) {
  const { parts, status, role } = message;
  const streaming = status === 'streaming';
  const lastIndex = parts.length - 1;
  const waiting = status === 'pending' || (streaming && parts.length === 0);
  const [quotes] = useState(createQuoteReveal);
  const settled = status !== 'pending' && !streaming;
  // Row-local, so opening the editor re-renders this row alone; `returnFocus` puts focus back on Edit after
  // a cancel.
  const [editing, setEditing] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const startEdit = useCallback(() => {
    setReturnFocus(false);
    setEditing(true);
  }, []);
  const closeEdit = useCallback((outcome: 'saved' | 'cancelled') => {
    setEditing(false);
    setReturnFocus(outcome === 'cancelled');
  }, []);
  const isEditing = editing && role === 'user' && settled;
  return (
    <div className="fgk-message" data-slot="chat-window-message" data-role={role} data-status={status}>
      <span className="fgk-visually-hidden">
        {role === 'user' ? strings.userLabel : strings.assistantLabel}
      </span>
      {isEditing && <LazyMessageEdit message={message} strings={strings} onClose={closeEdit} />}
      {!isEditing && (parts.length > 0 || waiting) && (
        <div className="fgk-message-bubble">
          {parts.map((part, index) => (
            <PartView
              // Parts only ever append, so a position keeps naming the same part.
              // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids of their own and never reorder.
              key={`${part.type}-${index}`}
              part={part}
              growing={streaming && index === lastIndex}
              role={role}
              messageId={message.id}
              citations={message.citations}
              onCitationClick={quotes.reveal}
              onAnswer={onAnswer}
              baseUrl={baseUrl}
              strings={strings}
            />
          ))}
          {waiting && (
            <span className="fgk-typing" data-slot="chat-window-typing">
              <span className="fgk-typing-dot" aria-hidden="true" />
              <span className="fgk-typing-dot" aria-hidden="true" />
              <span className="fgk-typing-dot" aria-hidden="true" />
              <span className="fgk-visually-hidden">{strings.thinking}</span>
            </span>
          )}
        </div>
      )}
      {role === 'assistant' && <MessageDetails message={message} reveal={quotes} strings={strings} />}
      {settled && !isEditing && (
        <LazyMessageActions message={message} strings={strings} onEdit={startEdit} focusEdit={returnFocus} />
      )}
      {status === 'stopped' && (
        <span className="fgk-message-badge" data-slot="chat-window-stopped">
          {strings.stopped}
        </span>
      )}
      {message.deletedAt !== undefined && (
        <span className="fgk-message-badge" data-slot="chat-window-deleted">
          {strings.deletedByUser}
        </span>
      )}
      {status === 'error' && message.error && (
        <MessageError error={message.error} canRetry={canRetry} onRetry={onRetry} strings={strings} />
      )}
    </div>
  );
}

/** One message: a user bubble, or the assistant's reply with its parts, stop badge and error bubble. */
export const MessageRow = memo(MessageRowView);
