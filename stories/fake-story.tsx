import type { ComponentType } from 'react';
import { FastGPTProvider } from '../src';
import type { FastGPTClientOptions } from '../src/client';
import { createFakeFastGPT, type FakeFastGPT, type FakeFastGPTOptions } from '../src/testing';
import { STORY_UID } from './seed-share-chat';

/** What a story asks of its fake FastGPT, in `parameters.fake`. */
export interface FakeStoryParameters {
  /** Options of the fake (default: a visible streaming speed and no heartbeats). */
  options?: FakeFastGPTOptions;
  /** Puts chats, faults or anything else into the fresh fake before the story renders. */
  seed?: (fake: FakeFastGPT) => void;
  /**
   * How the provider signs in: `share` (a share link, as a public embed; default), `token` (the seeded
   * member's session token, what the log routes need) or `none`.
   */
  auth?: 'share' | 'token' | 'none';
  /** Client options to add (e.g. `{ maxRetries: 0 }`). */
  client?: Partial<FastGPTClientOptions>;
  /** The frame the story renders in (default: 100% × 640 px). */
  frame?: { width?: number | string; height?: number | string };
}

/** One fresh fake per story render, so no story sees another's chats, faults or requests. */
export const fakeLoader = async ({ parameters }: { parameters: { fake?: unknown } }) => {
  const story = (parameters.fake ?? {}) as FakeStoryParameters;
  const fake = createFakeFastGPT({ tokenDelayMs: 15, heartbeatMs: 0, ...story.options });
  story.seed?.(fake);
  return { fake };
};

/** The fake of the story being played. */
export function fakeOf(context: { loaded: Record<string, unknown> }): FakeFastGPT {
  return context.loaded.fake as FakeFastGPT;
}

/** Wraps the story in a `FastGPTProvider` wired to its fake (loaded by {@link fakeLoader}). */
export const withFakeFastGPT = (
  Story: ComponentType,
  context: { parameters: { fake?: unknown }; loaded: Record<string, unknown> },
) => {
  const story = (context.parameters.fake ?? {}) as FakeStoryParameters;
  const fake = fakeOf(context);
  const auth = story.auth ?? 'share';
  const options: FastGPTClientOptions = {
    baseUrl: fake.baseUrl,
    fetch: fake.fetch,
    appId: fake.credentials.appId,
    ...(auth === 'share' ? { shareLink: { shareId: fake.credentials.shareId, outLinkUid: STORY_UID } } : {}),
    ...(auth === 'token' ? { token: fake.credentials.userToken } : {}),
    ...story.client,
  };
  return (
    <FastGPTProvider options={options}>
      <div
        style={{
          width: story.frame?.width ?? '100%',
          height: story.frame?.height ?? 640,
          // One cell that the component fills, and may shrink below its content's width (minmax 0).
          display: 'grid',
          gridTemplate: 'minmax(0, 1fr) / minmax(0, 1fr)',
        }}
      >
        <Story />
      </div>
    </FastGPTProvider>
  );
};
