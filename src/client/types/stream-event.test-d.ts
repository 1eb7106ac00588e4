import { describe, expectTypeOf, it } from 'vitest';
import type { ChatClient } from '../chat-client';
import type { FastGPTError } from '../errors';
import type { FastGPTStreamEvent, InteractivePayload, NodeResponse, UserSelectOption } from './index';

describe('FastGPTStreamEvent', () => {
  it('narrows by type to each event’s payload', () => {
    const handle = (event: FastGPTStreamEvent) => {
      switch (event.type) {
        case 'answer':
          expectTypeOf(event.text).toEqualTypeOf<string>();
          expectTypeOf(event.reasoning).toEqualTypeOf<string>();
          expectTypeOf(event.finishReason).toEqualTypeOf<string | null>();
          break;
        case 'flowResponses':
          expectTypeOf(event.responses).toEqualTypeOf<NodeResponse[]>();
          break;
        case 'interactive':
          expectTypeOf(event.interactive).toEqualTypeOf<InteractivePayload>();
          if (event.interactive.type === 'userSelect') {
            expectTypeOf(event.interactive.params.userSelectOptions).toEqualTypeOf<UserSelectOption[]>();
          }
          break;
        case 'error':
          expectTypeOf(event.error).toEqualTypeOf<FastGPTError>();
          break;
        case 'unknown':
          expectTypeOf(event.event).toEqualTypeOf<string>();
          expectTypeOf(event.data).toEqualTypeOf<unknown>();
          break;
      }
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('is what streamChatCompletion yields', () => {
    type Yielded = ReturnType<ChatClient['streamChatCompletion']> extends AsyncGenerator<infer T> ? T : never;
    expectTypeOf<Yielded>().toEqualTypeOf<FastGPTStreamEvent>();
  });
});
