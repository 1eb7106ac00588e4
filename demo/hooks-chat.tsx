import './hooks-chat.css';
import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import {
  type ChatMessage,
  type FormFieldSpec,
  fieldsFromUserInput,
  generateChatId,
  type InteractivePart,
  type MessagePart,
  toTypedValues,
  unwrapInteractive,
  useChatCompletion,
  useChatHistory,
  useFeedback,
  useSuggestedQuestions,
} from '../src';

/**
 * A chat UI built only from the kit's hooks, with plain elements and the demo's own CSS (no ChatWindow):
 * the chat list, a streaming thread with reasoning, tool calls and interactive nodes, feedback, suggested
 * questions, and a composer with Stop. Wrap it in a `FastGPTProvider`.
 */
export function HooksChat() {
  const [chatId, setChatId] = useState(generateChatId);
  const history = useChatHistory();
  const chat = useChatCompletion({
    chatId,
    // A finished reply may have given the chat its title: show it in the list.
    onFinish: () => void history.refetch(),
  });
  const lastAnswer = chat.messages.findLast((message) => message.role === 'assistant');
  const suggestions = useSuggestedQuestions({
    chatId,
    afterMessageId: lastAnswer?.status === 'done' ? lastAnswer.id : undefined,
    enabled: chat.status === 'ready',
  });
  const busy = chat.status === 'submitted' || chat.status === 'streaming';

  // Follow the reply while the reader is at the bottom; leave them be once they scroll up.
  const thread = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every new frame of messages on purpose.
  useLayoutEffect(() => {
    if (atBottom.current && thread.current) thread.current.scrollTop = thread.current.scrollHeight;
  }, [chat.messages]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!chat.draft.trim() || busy) return;
    void chat.send(chat.draft);
  }

  function onComposerKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter breaks the line, and nothing is sent while an IME is composing CJK text.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <div className="hooks-chat">
      <nav className="hooks-chat-list" aria-label="Chats">
        <button type="button" className="hooks-button" onClick={() => setChatId(generateChatId())}>
          New chat
        </button>
        {history.isLoading && <p className="hooks-muted">Loading chats…</p>}
        {history.error && <p role="alert">Could not load the chats: {history.error.message}</p>}
        <ul>
          {history.histories.map((item) => (
            <li key={item.chatId}>
              <button
                type="button"
                className="hooks-chat-link"
                aria-current={item.chatId === chatId ? 'page' : undefined}
                onClick={() => setChatId(item.chatId)}
              >
                {item.top ? 'Pinned: ' : ''}
                {item.customTitle || item.title}
              </button>
            </li>
          ))}
        </ul>
        {history.hasMore && (
          <button type="button" className="hooks-button" onClick={() => void history.loadMore()}>
            More chats
          </button>
        )}
      </nav>

      <section className="hooks-chat-main" aria-label="Conversation">
        <div
          ref={thread}
          className="hooks-thread"
          role="log"
          aria-busy={busy}
          onScroll={(event) => {
            const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
            atBottom.current = scrollHeight - scrollTop - clientHeight < 24;
          }}
        >
          {chat.hasOlder && (
            <button
              type="button"
              className="hooks-button"
              disabled={chat.isLoadingOlder}
              onClick={() => void chat.loadOlder()}
            >
              {chat.isLoadingOlder ? 'Loading…' : 'Earlier messages'}
            </button>
          )}
          {chat.messages.length === 0 && !chat.isLoadingRecords && (
            <p className="hooks-muted">Ask anything. Try “tool”, “reason”, “select a city” or “form”.</p>
          )}
          {chat.messages.map((message) => (
            <HooksMessage
              key={message.id}
              message={message}
              chatId={chatId}
              onAnswer={chat.answerInteractive}
              onRetry={chat.retry}
            />
          ))}
          {chat.activeNode && <p className="hooks-muted">Running {chat.activeNode.name}…</p>}
        </div>

        {suggestions.questions.length > 0 && (
          <ul className="hooks-suggestions" aria-label="Suggested questions">
            {suggestions.questions.map((question) => (
              <li key={question}>
                <button type="button" className="hooks-button" onClick={() => void chat.send(question)}>
                  {question}
                </button>
              </li>
            ))}
          </ul>
        )}

        <form className="hooks-composer" onSubmit={submit}>
          <textarea
            aria-label="Message"
            placeholder="Type a message"
            rows={2}
            value={chat.draft}
            onChange={(event) => chat.setDraft(event.target.value)}
            onKeyDown={onComposerKey}
          />
          {busy ? (
            <button type="button" className="hooks-button" onClick={() => void chat.stop()}>
              Stop
            </button>
          ) : (
            <button type="submit" className="hooks-button hooks-primary" disabled={!chat.draft.trim()}>
              Send
            </button>
          )}
        </form>
      </section>
    </div>
  );
}

/** One message: its parts, its error with Retry, and thumbs for a finished answer. */
function HooksMessage({
  message,
  chatId,
  onAnswer,
  onRetry,
}: {
  message: ChatMessage;
  chatId: string;
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
  onRetry: () => Promise<void>;
}) {
  const feedback = useFeedback({ chatId });
  const rating = feedback.feedbackOf(message.id)?.rating ?? message.feedback?.rating;
  return (
    <article className="hooks-message" data-role={message.role} data-status={message.status}>
      {message.parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder within a message.
        <HooksPart key={index} part={part} onAnswer={onAnswer} />
      ))}
      {message.status === 'streaming' && <span className="hooks-muted">▍</span>}
      {message.status === 'stopped' && <p className="hooks-muted">Stopped.</p>}
      {message.error && (
        <p role="alert">
          {message.error.message}{' '}
          <button type="button" className="hooks-button" onClick={() => void onRetry()}>
            Retry
          </button>
        </p>
      )}
      {message.role === 'assistant' && message.status === 'done' && (
        <div className="hooks-feedback">
          {(['good', 'bad'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="hooks-button"
              aria-pressed={rating === value}
              onClick={() => void feedback.rate(message.id, value).catch(() => undefined)}
            >
              {value === 'good' ? 'Good' : 'Bad'}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}

function HooksPart({
  part,
  onAnswer,
}: {
  part: MessagePart;
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
}) {
  switch (part.type) {
    case 'text':
      return <p className="hooks-text">{part.text}</p>;
    case 'reasoning':
      return (
        <details className="hooks-reasoning" open={part.streaming}>
          <summary>{part.streaming ? 'Thinking…' : 'Reasoning'}</summary>
          <p className="hooks-text">{part.text}</p>
        </details>
      );
    case 'tool':
      return (
        <details className="hooks-tool">
          <summary>
            Tool {part.name} {part.state === 'running' ? '(running)' : '✓'}
          </summary>
          <pre>{part.params}</pre>
          <pre>{part.response}</pre>
        </details>
      );
    case 'interactive':
      return <HooksInteractive part={part} onAnswer={onAnswer} />;
    case 'file':
      return (
        <a href={part.url} target="_blank" rel="noreferrer">
          {part.name ?? part.url}
        </a>
      );
  }
}

/** A userSelect as buttons, a userInput as a plain form (every field as text). */
function HooksInteractive({
  part,
  onAnswer,
}: {
  part: InteractivePart;
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
}) {
  const shown = unwrapInteractive(part.interactive);
  if (shown.type === 'userSelect') {
    return (
      <fieldset className="hooks-interactive" disabled={part.answered}>
        <legend>{shown.params.description}</legend>
        {shown.params.userSelectOptions.map((option) => (
          <button
            key={option.key}
            type="button"
            className="hooks-button"
            aria-pressed={part.answer === option.value}
            onClick={() => void onAnswer(option.value)}
          >
            {option.value}
          </button>
        ))}
      </fieldset>
    );
  }
  if (shown.type === 'userInput') {
    const fields = fieldsFromUserInput(shown.params.inputForm);
    const answered = typeof part.answer === 'object' ? part.answer : {};
    return (
      <form
        className="hooks-interactive"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const drafts = Object.fromEntries(
            fields.map((field) => [
              field.key,
              field.kind === 'switch' ? data.has(field.key) : String(data.get(field.key) ?? ''),
            ]),
          );
          // FastGPT expects typed values: numbers as numbers, switches as booleans, and so on.
          void onAnswer(toTypedValues(fields, drafts));
        }}
      >
        <fieldset disabled={part.answered}>
          <legend>{shown.params.description}</legend>
          {fields.map((field) => (
            <HooksField key={field.key} field={field} value={answered[field.key] ?? field.defaultValue} />
          ))}
          <button type="submit" className="hooks-button hooks-primary">
            Submit
          </button>
        </fieldset>
      </form>
    );
  }
  return null;
}

/** One form field as a native control: a few kinds get their own, the rest are typed as text. */
function HooksField({ field, value }: { field: FormFieldSpec; value: unknown }) {
  const id = useId();
  const text = value === undefined || value === null ? '' : String(value);
  if (field.kind === 'switch') {
    return (
      <label className="hooks-switch">
        <input type="checkbox" name={field.key} defaultChecked={value === true} />
        {field.label}
      </label>
    );
  }
  return (
    <div className="hooks-field">
      <label htmlFor={id}>{field.label}</label>
      {field.kind === 'select' ? (
        <select id={id} name={field.key} required={field.required} defaultValue={text}>
          <option value="">—</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={field.key}
          type={field.kind === 'number' ? 'number' : field.kind === 'password' ? 'password' : 'text'}
          required={field.required}
          min={field.min}
          max={field.max}
          maxLength={field.maxLength}
          defaultValue={text}
        />
      )}
    </div>
  );
}
