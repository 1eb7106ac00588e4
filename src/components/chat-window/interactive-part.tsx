'use client';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { InteractivePart } from '../../core/chat-message';
import type { ChatState } from '../../core/chat-store';
import type { ChatWindowStrings } from '../../i18n';
import { formatLabel } from '../markdown';
import { useChatWindowControls, useChatWindowState } from './chat-window-context';
import { LazyUserInputForm } from './lazy-forms';

/** Props of {@link InteractivePartView}. */
export interface InteractivePartViewProps {
  /** The interactive node. */
  part: InteractivePart;
  /** Answers it (the chat's `answerInteractive`). */
  onAnswer: (value: string | Record<string, unknown>) => Promise<void>;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/**
 * A workflow pause: a userSelect as option buttons (disabled and showing the choice once answered); a
 * userInput as a typed form (read-only with the submitted values once answered); other pauses show their
 * description.
 */
export function InteractivePartView({ part, onAnswer, strings }: InteractivePartViewProps) {
  const container = useRef<HTMLDivElement>(null);
  usePendingQuestionGuard(part, container);
  return (
    <div ref={container} className="fgk-interactive-part">
      <InteractiveView part={part} onAnswer={onAnswer} strings={strings} />
    </div>
  );
}

/**
 * While this node is the unanswered question of the latest reply, the composer refuses to send: FastGPT
 * would take the text as the answer, skipping the form's rules and leaving the question on screen.
 */
function usePendingQuestionGuard(part: InteractivePart, container: RefObject<HTMLDivElement | null>) {
  const { sendGuards } = useChatWindowControls();
  const selectPending = useCallback(
    (state: ChatState) =>
      !part.answered &&
      // Only questions the window can answer hold the composer; other pauses take the next message.
      (part.interactive.type === 'userSelect' || part.interactive.type === 'userInput') &&
      state.messages.at(-1)?.parts.includes(part) === true,
    [part],
  );
  const pending = useChatWindowState(selectPending);
  useEffect(() => {
    if (!pending) return;
    return sendGuards.add({
      reason: 'interactive',
      isValid: () => false,
      reveal: (focus) => {
        if (focus)
          container.current
            ?.querySelector<HTMLElement>('button:not(:disabled), input, select, textarea')
            ?.focus();
      },
    });
  }, [pending, sendGuards, container]);
}

function InteractiveView({ part, onAnswer, strings }: InteractivePartViewProps) {
  const { readOnly } = useChatWindowControls();
  const { interactive } = part;
  // A read-only window shows a question as it stands and never answers it.
  const answered = part.answered || readOnly;
  if (interactive.type === 'userSelect') {
    const { description, userSelectOptions, userSelectedVal } = interactive.params;
    const chosen = typeof part.answer === 'string' ? part.answer : userSelectedVal;
    return (
      <fieldset
        className="fgk-interactive"
        data-slot="chat-window-user-select"
        data-state={answered ? 'answered' : 'waiting'}
      >
        {description && <legend className="fgk-interactive-description">{description}</legend>}
        <div className="fgk-interactive-options">
          {userSelectOptions.map((option) => {
            const selected = answered && option.value === chosen;
            return (
              <button
                key={option.key}
                type="button"
                className="fgk-button fgk-interactive-option"
                disabled={answered}
                aria-pressed={answered ? selected : undefined}
                data-state={selected ? 'selected' : undefined}
                onClick={() => void onAnswer(option.value)}
              >
                {option.value}
              </button>
            );
          })}
        </div>
        {answered && chosen !== undefined && (
          <p className="fgk-interactive-note">{formatLabel(strings.selectedOption, { value: chosen })}</p>
        )}
      </fieldset>
    );
  }
  if (interactive.type === 'userInput') {
    return (
      <LazyUserInputForm
        interactive={interactive}
        answered={answered}
        answer={typeof part.answer === 'object' ? part.answer : undefined}
        onAnswer={onAnswer}
        strings={strings}
      />
    );
  }
  const description =
    typeof interactive.params.description === 'string' ? interactive.params.description : '';
  return (
    <div
      className="fgk-interactive"
      data-slot="chat-window-interactive"
      data-state={answered ? 'answered' : 'waiting'}
    >
      {description && <p className="fgk-interactive-description">{description}</p>}
    </div>
  );
}
