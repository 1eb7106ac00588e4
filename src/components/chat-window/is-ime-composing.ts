import type { KeyboardEvent } from 'react';

/**
 * Whether this key press belongs to an IME composition (pinyin, kana…): its Enter confirms a candidate and
 * must not send or save. Safari reports such presses only as keyCode 229, so both signs are checked.
 */
export function isImeComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}
