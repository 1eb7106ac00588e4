'use client';
import {
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type SubmitEvent,
  useEffect,
  useId,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { ChatState } from '../../core/chat-store';
import { type ChatWindowStrings, useChatWindowStrings } from '../../i18n';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { ChatWindowQueue } from './chat-window-queue';
import { classNames } from './class-names';
import { isImeComposing } from './is-ime-composing';
import type { SendBlockReason } from './send-guards';
import { useAutoGrow } from './use-auto-grow';

const BLOCKED_MESSAGE: Record<SendBlockReason, (strings: ChatWindowStrings) => string> = {
  variables: (strings) => strings.variablesRequiredBeforeSend,
  loading: (strings) => strings.settingsLoadingBeforeSend,
  interactive: (strings) => strings.answerInteractiveFirst,
};

const selectDraft = (state: ChatState) => state.draft;
const selectStatus = (state: ChatState) => state.status;
const selectQueue = (state: ChatState) => state.queue;

/** Props of {@link ChatWindowComposer}; other props go to the `form`. */
export interface ChatWindowComposerProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children'> {}

/**
 * The composer: an auto-growing text box bound to the chat's draft (so it survives remounts), Enter to send,
 * Shift+Enter for a new line, never sending while an IME is composing; Send, Stop while a reply runs, and
 * the queued messages with a cancel button each. A send the window's send guards refuse (required
 * variables empty) keeps the draft and says why. Renders nothing in a `readOnly` window.
 */
export function ChatWindowComposer(props: ChatWindowComposerProps) {
  const { readOnly } = useChatWindowControls();
  return readOnly ? null : <ComposerForm {...props} />;
}

function ComposerForm({ className, onSubmit, ...rest }: ChatWindowComposerProps) {
  // Store slices, not the whole chat: the composer stays still while a reply streams.
  const { actions, sendGuards } = useChatWindowControls();
  const { setDraft, send, stop, cancelQueued } = actions;
  // True after a send was refused by a guard (required variables empty) until the guard passes again.
  const blocked = useSyncExternalStore(
    sendGuards.subscribe,
    sendGuards.blockedReason,
    sendGuards.blockedReason,
  );
  const draft = useChatWindowState(selectDraft);
  const status = useChatWindowState(selectStatus);
  const queue = useChatWindowState(selectQueue);
  const strings = useChatWindowStrings();
  const busy = status === 'submitted' || status === 'streaming';
  const canSend = draft.trim() !== '';
  const inputId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useAutoGrow(textarea, draft);

  const submit = () => {
    // A refused send keeps the draft; the guard shows the fields' errors and takes focus.
    if (!canSend || !sendGuards.check()) return;
    // send() clears the draft; while a reply runs it queues the message instead.
    void send(draft);
  };
  // A message refused only because the app was still loading goes out by itself once it has loaded (and
  // passes the checks then; a required variable would hold it again, with its reason).
  const previousBlock = useRef(blocked);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the block changes, sending the draft of that moment.
  useEffect(() => {
    const was = previousBlock.current;
    previousBlock.current = blocked;
    if (was === 'loading' && blocked === null) submit();
  }, [blocked]);
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    submit();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    if (isImeComposing(event)) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      data-slot="chat-window-composer"
      data-status={status}
      {...rest}
      onSubmit={handleSubmit}
      className={classNames('fgk-composer', className)}
    >
      {queue.length > 0 && <ChatWindowQueue queue={queue} onCancel={cancelQueued} strings={strings} />}
      {blocked && (
        <p className="fgk-composer-blocked" role="alert" data-slot="chat-window-composer-blocked">
          {BLOCKED_MESSAGE[blocked](strings)}
        </p>
      )}
      <div className="fgk-composer-box">
        <label className="fgk-visually-hidden" htmlFor={inputId}>
          {strings.composerLabel}
        </label>
        <textarea
          ref={textarea}
          id={inputId}
          className="fgk-composer-input"
          rows={1}
          value={draft}
          placeholder={strings.composerPlaceholder}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <div className="fgk-composer-actions">
          {busy && (
            <button type="button" className="fgk-button fgk-composer-stop" onClick={() => void stop()}>
              {strings.stop}
            </button>
          )}
          <button
            type="submit"
            className="fgk-button fgk-button-primary fgk-composer-send"
            disabled={!canSend}
          >
            {strings.send}
          </button>
        </div>
      </div>
    </form>
  );
}
