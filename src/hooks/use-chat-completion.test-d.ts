import { describe, expectTypeOf, it } from 'vitest';
import type { FastGPTError } from '../client/errors';
import type { FastGPTStreamEvent } from '../client/types';
import type { ActiveNode, ChatMessage, QueuedMessage } from '../core/chat-message';
import type { ChatFileInput, ChatFinishInfo, ChatStatus, ChatStore } from '../core/chat-store';
import {
  type UseChatCompletionOptions,
  type UseChatCompletionResult,
  useChatCompletion,
} from './use-chat-completion';

describe('useChatCompletion', () => {
  it('takes optional options and returns the documented result', () => {
    expectTypeOf(useChatCompletion).parameters.toEqualTypeOf<[options?: UseChatCompletionOptions]>();
    expectTypeOf(useChatCompletion).returns.toEqualTypeOf<UseChatCompletionResult>();
  });

  it('types the state fields', () => {
    expectTypeOf<UseChatCompletionResult['messages']>().toEqualTypeOf<ChatMessage[]>();
    expectTypeOf<UseChatCompletionResult['status']>().toEqualTypeOf<ChatStatus>();
    expectTypeOf<ChatStatus>().toEqualTypeOf<'ready' | 'submitted' | 'streaming' | 'error'>();
    expectTypeOf<UseChatCompletionResult['error']>().toEqualTypeOf<FastGPTError | undefined>();
    expectTypeOf<UseChatCompletionResult['activeNode']>().toEqualTypeOf<ActiveNode | null>();
    expectTypeOf<UseChatCompletionResult['chatId']>().toEqualTypeOf<string>();
    expectTypeOf<UseChatCompletionResult['variables']>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<UseChatCompletionResult['draft']>().toEqualTypeOf<string>();
    expectTypeOf<UseChatCompletionResult['queue']>().toEqualTypeOf<QueuedMessage[]>();
    expectTypeOf<UseChatCompletionResult['hasOlder']>().toEqualTypeOf<boolean>();
    expectTypeOf<UseChatCompletionResult['isLoadingOlder']>().toEqualTypeOf<boolean>();
    expectTypeOf<UseChatCompletionResult['store']>().toEqualTypeOf<ChatStore>();
  });

  it('types the actions', () => {
    expectTypeOf<UseChatCompletionResult['send']>().toEqualTypeOf<
      (text: string, options?: { files?: ChatFileInput[] }) => Promise<void>
    >();
    expectTypeOf<UseChatCompletionResult['stop']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<UseChatCompletionResult['regenerate']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<UseChatCompletionResult['edit']>().toEqualTypeOf<
      (messageId: string, text: string) => Promise<void>
    >();
    expectTypeOf<UseChatCompletionResult['retry']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<UseChatCompletionResult['answerInteractive']>().toEqualTypeOf<
      (value: string | Record<string, unknown>) => Promise<void>
    >();
    expectTypeOf<UseChatCompletionResult['reset']>().toEqualTypeOf<(chatId?: string) => void>();
    expectTypeOf<UseChatCompletionResult['setDraft']>().toEqualTypeOf<(draft: string) => void>();
    expectTypeOf<UseChatCompletionResult['cancelQueued']>().toEqualTypeOf<
      (id: string) => QueuedMessage | undefined
    >();
    expectTypeOf<UseChatCompletionResult['loadOlder']>().toEqualTypeOf<() => Promise<void>>();
  });

  it('accepts the documented options and typed callbacks', () => {
    expectTypeOf<{
      appId: 'app';
      chatId: 'chat';
      variables: { city: string };
      customUid: 'u';
      detail: false;
      stream: false;
      pageSize: 10;
    }>().toExtend<UseChatCompletionOptions>();
    expectTypeOf<NonNullable<UseChatCompletionOptions['onEvent']>>().parameters.toEqualTypeOf<
      [event: FastGPTStreamEvent]
    >();
    expectTypeOf<NonNullable<UseChatCompletionOptions['onFinish']>>().parameters.toEqualTypeOf<
      [info: ChatFinishInfo]
    >();
    expectTypeOf<NonNullable<UseChatCompletionOptions['onError']>>().parameters.toEqualTypeOf<
      [error: FastGPTError]
    >();
    // @ts-expect-error stream must be a boolean
    expectTypeOf<{ stream: 'yes' }>().toExtend<UseChatCompletionOptions>();
  });
});
