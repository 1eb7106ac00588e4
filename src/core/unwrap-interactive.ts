import type { InteractivePayload } from '../client/types';

/**
 * The interactive payload to show: pauses inside child apps, tools and loops nest the real one in
 * `params.childrenResponse`, possibly several levels deep.
 */
export function unwrapInteractive(payload: InteractivePayload): InteractivePayload {
  let current = payload;
  for (let depth = 0; depth < 16; depth++) {
    if (
      current.type !== 'childrenInteractive' &&
      current.type !== 'toolChildrenInteractive' &&
      current.type !== 'loopInteractive'
    ) {
      return current;
    }
    const inner = current.params?.childrenResponse;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** Whether a stored interactive payload was already answered, and with what. */
export function interactiveAnswer(payload: InteractivePayload): {
  answered: boolean;
  answer?: string | Record<string, unknown>;
} {
  const shown = unwrapInteractive(payload);
  if (shown.type === 'userSelect') {
    const value = shown.params.userSelectedVal;
    return value === undefined ? { answered: false } : { answered: true, answer: value };
  }
  if (shown.type === 'userInput') {
    if (!shown.params.submitted) return { answered: false };
    const answer: Record<string, unknown> = {};
    for (const item of shown.params.inputForm) answer[item.key] = item.value;
    return { answered: true, answer };
  }
  return { answered: false };
}
