import type { ChatSource } from '../client/types';
import type { FakeChat, FakeChatItem, FakeFastGPT } from '../testing';
import { type SetupFastGPTOptions, setupFastGPT } from './render-with-fastgpt';

/** What {@link seedFakeChat} stores; everything but `chatId` has a default. */
export interface SeedChatOptions {
  /** The chat id. */
  chatId: string;
  /** Automatic title (default: the chat id). */
  title?: string;
  /** User-set title (default `""`). */
  customTitle?: string;
  /** Pinned (default false). */
  top?: boolean;
  /** Last activity, epoch ms (default: `Date.now()`). */
  updateTime?: number;
  /** Source (default `api`, what the app key's history lists). */
  source?: ChatSource;
  /** Question/answer turns; item dataIds are `${chatId}-q${n}` and `${chatId}-a${n}` (default 0 turns). */
  turns?: number;
}

let nextObjectId = 0x100000;
const objectId = (): string => (nextObjectId++).toString(16).padStart(24, '0');

/**
 * Puts a chat of the main app into the fake's store, owned by the app key's team member (test helper).
 * Turn `n` (1-based) asks `question n` and answers `answer n`, one second apart.
 */
export function seedFakeChat(fake: FakeFastGPT, options: SeedChatOptions): FakeChat {
  const { credentials } = fake;
  const updateTime = options.updateTime ?? Date.now();
  const turns = options.turns ?? 0;
  const items: FakeChatItem[] = [];
  for (let n = 1; n <= turns; n++) {
    const time = updateTime - (turns - n + 1) * 2_000;
    items.push(
      {
        _id: objectId(),
        dataId: `${options.chatId}-q${n}`,
        obj: 'Human',
        value: [{ type: 'text', text: { content: `question ${n}` } }],
        time,
      },
      {
        _id: objectId(),
        dataId: `${options.chatId}-a${n}`,
        obj: 'AI',
        value: [{ type: 'text', text: { content: `answer ${n}` } }],
        time: time + 1_000,
        durationSeconds: 1,
      },
    );
  }
  const chat: FakeChat = {
    _id: objectId(),
    chatId: options.chatId,
    appId: credentials.appId,
    title: options.title ?? options.chatId,
    customTitle: options.customTitle ?? '',
    top: options.top ?? false,
    source: options.source ?? 'api',
    sourceName: 'fake-app-key',
    tmbId: credentials.tmbId,
    teamId: credentials.teamId,
    createTime: updateTime - turns * 2_000 - 1_000,
    updateTime,
    variables: {},
    items,
  };
  fake.state.chats.set(chat.chatId, chat);
  return chat;
}

/**
 * A fetch that waits `delayMs(url, body)` milliseconds (or until the promise it returns settles) before
 * passing the request on (test helper).
 */
export function delayedFetch(
  inner: typeof fetch,
  delayMs: (url: string, body: string | undefined) => number | Promise<unknown>,
): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const ms = delayMs(url, body);
    if (typeof ms !== 'number') await ms;
    else if (ms > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal?.reason);
        });
      });
    }
    return inner(input, init);
  };
}

/**
 * `setupFastGPT` whose client waits `delayMs(url, body)` (milliseconds, or a promise) before each request
 * reaches the fake, so tests can see loading states (test helper).
 */
export function setupDelayedFastGPT(
  delayMs: (url: string, body: string | undefined) => number | Promise<unknown>,
  options: SetupFastGPTOptions = {},
): ReturnType<typeof setupFastGPT> {
  let target: typeof fetch | undefined;
  const setup = setupFastGPT({
    ...options,
    client: {
      ...options.client,
      fetch: (input, init) => {
        if (!target) throw new Error('setupDelayedFastGPT: fetch used before setup finished');
        return target(input, init);
      },
    },
  });
  target = delayedFetch(setup.fake.fetch, delayMs);
  return setup;
}

/** A promise to hold requests with, and the function that lets them through (test helper). */
export function createGate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * {@link setupDelayedFastGPT} whose requests to URLs matching `routes` can be held: `hold()` makes the next
 * matching requests wait until the function it returns is called, so optimistic and loading states can be
 * seen (test helper).
 */
export function setupHoldableFastGPT(routes: RegExp, options: SetupFastGPTOptions = {}) {
  let gate: ReturnType<typeof createGate> | undefined;
  const setup = setupDelayedFastGPT((url) => (gate && routes.test(url) ? gate.promise : 0), options);
  const hold = (): (() => void) => {
    const current = createGate();
    gate = current;
    return () => {
      gate = undefined;
      current.open();
    };
  };
  return { ...setup, hold };
}
