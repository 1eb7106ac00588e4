'use client';
import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../core/chat-message';
import type { ChatState } from '../../core/chat-store';
import { textOf } from '../../core/message-content';
import { useFeedback } from '../../hooks';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { deletionFailuresOf, useDeletionFailure } from './deletion-failures';
import { focusComposer } from './focus-composer';
import { LazyDeleteConfirm, LazyReasonForm, preloadMessageTools } from './lazy-message-tools';
import {
  CheckIcon,
  CopyIcon,
  DeleteIcon,
  EditIcon,
  RegenerateIcon,
  ThumbDownIcon,
  ThumbUpIcon,
} from './message-action-icons';
import { MessageFeedbackBadge } from './message-feedback-badge';

/** How long the Copy button shows "Copied", in ms. */
const COPIED_FOR_MS = 2_000;

const selectBusy = (state: ChatState) => state.status === 'submitted' || state.status === 'streaming';
const selectChatId = (state: ChatState) => state.chatId;

/** The id of the last assistant message, or `undefined` when there is none. */
export function lastAssistantId(messages: readonly ChatMessage[]): string | undefined {
  return messages.findLast((m) => m.role === 'assistant')?.id;
}

/** Props of {@link MessageActions}. */
export interface MessageActionsProps {
  /** The settled message the actions apply to. */
  message: ChatMessage;
  /** The window's strings. */
  strings: ChatWindowStrings;
  /** Opens the message for editing (user messages). */
  onEdit: () => void;
  /** Focus the Edit button once shown, e.g. when editing was cancelled (keyboard users land where they were). */
  focusEdit?: boolean;
}

type Panel = 'none' | 'reason' | 'confirm-delete';
type CopyState = 'idle' | 'copied' | 'failed';

/** Where focus goes back to after a panel closes. */
type FocusTarget = 'bad' | 'delete' | null;

function useFocusAfterRender(
  targets: Record<Exclude<FocusTarget, null>, RefObject<HTMLButtonElement | null>>,
) {
  const [target, setTarget] = useState<FocusTarget>(null);
  useEffect(() => {
    if (target === null) return;
    targets[target].current?.focus();
    setTarget(null);
  }, [target, targets]);
  return setTarget;
}

/**
 * The toolbar under a settled message. Assistant: Copy, Good / Bad (with an optional reason), Regenerate (the
 * last reply only) and Delete. User: Copy, Edit and Delete. Edit, Regenerate and Delete hide while a reply
 * runs. In a `readOnly` window only Copy stays, and an answer shows the user's feedback as a badge. It reads the chat through store slices, so it re-renders only when its own message changes, when
 * the chat turns busy or ready, or when it stops (or starts) being the last reply.
 */
export function MessageActions({ message, strings, onEdit, focusEdit = false }: MessageActionsProps) {
  const { store, actions, appId, readOnly } = useChatWindowControls();
  const { id, role, status } = message;
  useEffect(() => {
    if (!readOnly) preloadMessageTools();
  }, [readOnly]);
  // A read-only window changes nothing, so it offers what would as if a reply were always running.
  const busy = useChatWindowState(selectBusy) || readOnly;
  const chatId = useChatWindowState(selectChatId);
  const isLast = useChatWindowState(
    useCallback(
      (state: ChatState) => role === 'assistant' && lastAssistantId(state.messages) === id,
      [role, id],
    ),
  );
  const deleteFailure = useDeletionFailure(store, id);
  const { rate, feedbackOf } = useFeedback({ appId, chatId });

  const [panel, setPanel] = useState<Panel>('none');
  // A reply that starts (e.g. a queued message) takes Delete away; its confirmation goes with it. Adjusted
  // while rendering rather than in an effect, so the toggle costs no extra commit.
  const [wasBusy, setWasBusy] = useState(busy);
  if (busy !== wasBusy) {
    setWasBusy(busy);
    if (busy && panel === 'confirm-delete') setPanel('none');
  }
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const [feedbackFailed, setFeedbackFailed] = useState(false);
  // Until this row rates, the message's own feedback (from the records) is the truth; after, the hook's.
  const [rated, setRated] = useState(false);

  const badButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [focusTargets] = useState(() => ({ bad: badButton, delete: deleteButton }));
  const focusAfterRender = useFocusAfterRender(focusTargets);

  useEffect(() => {
    if (focusEdit) editButton.current?.focus();
  }, [focusEdit]);

  useEffect(() => {
    if (copyState !== 'copied') return;
    const timer = setTimeout(() => setCopyState('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copyState]);

  const text = textOf(message);
  const rateable = !readOnly && role === 'assistant' && (status === 'done' || status === 'stopped');
  const feedback = rated ? feedbackOf(id) : message.feedback;

  const copy = async () => {
    try {
      // A missing clipboard (insecure context, old browser) throws here and is reported like a refusal.
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const submitRating = async (rating: 'good' | 'bad', reason?: string) => {
    setRated(true);
    setFeedbackFailed(false);
    try {
      const next = await rate(id, rating, reason);
      // Kept on the message too, so the row shows it again after a remount (a virtualized thread).
      store.setFeedback(id, next ?? undefined);
    } catch {
      // The hook has already put the previous rating back.
      setFeedbackFailed(true);
    }
  };

  const closePanel = (focus: FocusTarget) => {
    setPanel('none');
    focusAfterRender(focus);
  };

  const clickBad = () => {
    // A bad rating is cleared at once; a new one first asks why (optionally).
    if (feedback?.rating === 'bad') void submitRating('bad');
    else setPanel(panel === 'reason' ? 'none' : 'reason');
  };

  const confirmDelete = () => {
    const failures = deletionFailuresOf(store);
    failures.set(id, undefined);
    focusComposer(document.activeElement);
    setPanel('none');
    // The message leaves the list at once; when FastGPT refuses, the store puts it back and the row that
    // mounts for it shows this failure.
    actions.deleteMessage(id).catch((error: unknown) => {
      failures.set(id, error instanceof Error ? error : new Error(String(error)));
    });
  };

  // A read-only answer's feedback badge is information, not a control: it stays in view like an open panel.
  const showsFeedback =
    readOnly && role === 'assistant' && (message.feedback !== undefined || !!message.customFeedbacks?.length);
  const open =
    panel !== 'none' ||
    copyState !== 'idle' ||
    feedbackFailed ||
    deleteFailure !== undefined ||
    showsFeedback;
  const copied = copyState === 'copied';

  return (
    <div
      className="fgk-message-actions"
      data-slot="chat-window-message-actions"
      data-open={open || undefined}
    >
      <fieldset className="fgk-message-actions-bar" aria-label={strings.messageActions}>
        {text !== '' && (
          <ActionButton
            label={copied ? strings.messageCopied : strings.copyMessage}
            onClick={() => void copy()}
            data-state={copied ? 'copied' : undefined}
          >
            {copied ? <CheckIcon /> : <CopyIcon />}
          </ActionButton>
        )}
        {rateable && (
          <>
            <ActionButton
              label={strings.feedbackGood}
              pressed={feedback?.rating === 'good'}
              onClick={() => {
                setPanel('none');
                void submitRating('good');
              }}
            >
              <ThumbUpIcon />
            </ActionButton>
            <ActionButton
              buttonRef={badButton}
              label={strings.feedbackBad}
              pressed={feedback?.rating === 'bad'}
              onClick={clickBad}
            >
              <ThumbDownIcon />
            </ActionButton>
          </>
        )}
        {role === 'assistant' && isLast && !busy && (
          <ActionButton label={strings.regenerate} onClick={() => void actions.regenerate()}>
            <RegenerateIcon />
          </ActionButton>
        )}
        {role === 'user' && !busy && (
          <ActionButton buttonRef={editButton} label={strings.editMessage} onClick={onEdit}>
            <EditIcon />
          </ActionButton>
        )}
        {!busy && panel !== 'confirm-delete' && (
          <ActionButton
            buttonRef={deleteButton}
            label={strings.deleteMessage}
            onClick={() => {
              deletionFailuresOf(store).set(id, undefined);
              setPanel('confirm-delete');
            }}
          >
            <DeleteIcon />
          </ActionButton>
        )}
        {!busy && panel === 'confirm-delete' && (
          <LazyDeleteConfirm
            strings={strings}
            onConfirm={confirmDelete}
            onCancel={() => closePanel('delete')}
          />
        )}
      </fieldset>
      {showsFeedback && <MessageFeedbackBadge message={message} strings={strings} />}
      {panel === 'reason' && (
        <LazyReasonForm
          strings={strings}
          onSubmit={(reason) => {
            closePanel('bad');
            void submitRating('bad', reason);
          }}
          onCancel={() => closePanel('bad')}
        />
      )}
      {copyState === 'failed' && (
        <p className="fgk-message-actions-error" role="alert">
          {strings.copyFailed}
        </p>
      )}
      {feedbackFailed && (
        <p className="fgk-message-actions-error" role="alert">
          {strings.feedbackFailed}
        </p>
      )}
      {deleteFailure && (
        <p className="fgk-message-actions-error" role="alert">
          {formatLabel(strings.deleteFailed, { message: deleteFailure.message })}
        </p>
      )}
      {/* A bare live region (no status role): the window's announcer stays the one status of the window. */}
      <span className="fgk-visually-hidden" aria-live="polite" data-slot="chat-window-message-actions-live">
        {copied ? strings.messageCopied : ''}
      </span>
    </div>
  );
}

interface ActionButtonProps {
  label: string;
  onClick: () => void;
  pressed?: boolean;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
  'data-state'?: string | undefined;
}

function ActionButton({ label, onClick, pressed, buttonRef, children, ...rest }: ActionButtonProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="fgk-icon-button fgk-message-action"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
      {...rest}
    >
      {children}
    </button>
  );
}
