import type { AppChatConfig } from '../client/types';
import type { FakeApp, FakeState } from './fake-model';

/** The seeded credentials and ids of the fake FastGPT. */
export interface FakeCredentials {
  /** The main app (24 hex). */
  appId: string;
  /** App key bound to `appId` (`fastgpt-` + 52 alphanumerics). */
  appKey: string;
  /** Account (global) key of the same team; completions need `appId` in the body with it. */
  accountKey: string;
  /** Session token of the team member (send as the `token` header). */
  userToken: string;
  /** Share link of `appId`. */
  shareId: string;
  /** A second app of the same team. */
  secondAppId: string;
  /** An app of another team (502001 `unAuthApp` for this team's credentials). */
  otherTeamAppId: string;
  /** App key of the other team's app. */
  otherTeamAppKey: string;
  /** The team. */
  teamId: string;
  /** The team member who owns the keys, the token and the share link. */
  tmbId: string;
  /** The other team. */
  otherTeamId: string;
  /** The other team's member. */
  otherTeamTmbId: string;
}

/** Default credentials: fixed, so docs and e2e tests can name them. */
export const DEFAULT_FAKE_CREDENTIALS: Readonly<FakeCredentials> = Object.freeze({
  appId: '68ad85a7463006c963799a05',
  appKey: 'fastgpt-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKt',
  accountKey: 'fastgpt-J0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAk',
  userToken: 'fake-session-wkNhFdnXsiVpzz63FfkCzJr4i0B3JrTA',
  shareId: 'bN3k8QwE2rT6yU1iO9pA4sD7',
  secondAppId: '68ad85a7463006c963799a06',
  otherTeamAppId: '68ad85a7463006c963799b17',
  otherTeamAppKey: 'fastgpt-Wvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8D',
  teamId: '65f1c2d3e4a5b6c7d8e9f000',
  tmbId: '65f1c2d3e4a5b6c7d8e9f001',
  otherTeamId: '65f1c2d3e4a5b6c7d8e9f100',
  otherTeamTmbId: '65f1c2d3e4a5b6c7d8e9f101',
});

const chatConfig = (welcomeText: string): AppChatConfig => ({
  questionGuide: { open: true },
  ttsConfig: { type: 'web' },
  whisperConfig: { open: false, autoSend: false, autoTTSResponse: false },
  chatInputGuide: { open: false, customUrl: '' },
  instruction: '',
  variables: [
    {
      key: 'uid',
      label: '用户ID',
      type: 'input',
      description: '',
      required: false,
      valueType: 'string',
    },
  ],
  fileSelectConfig: { canSelectFile: true, canSelectImg: true, maxFiles: 10 },
  welcomeText,
});

function app(appId: string, name: string, teamId: string, tmbId: string): FakeApp {
  return {
    appId,
    name,
    avatar: '/imgs/app/avatar/workflow.svg',
    intro: '',
    type: 'advanced',
    chatConfig: chatConfig(`你好，我是${name}。`),
    chatModels: ['gpt-4o-mini'],
    teamId,
    tmbId,
  };
}

/** Builds the seeded store: two apps of the team, one app of another team, keys, a share link, members. */
export function createSeedState(credentials: FakeCredentials): FakeState {
  const c = credentials;
  const state: FakeState = {
    apps: new Map(),
    chats: new Map(),
    apiKeys: new Map(),
    shareLinks: new Map(),
    members: new Map(),
  };
  for (const a of [
    app(c.appId, '知识库助手', c.teamId, c.tmbId),
    app(c.secondAppId, '第二个应用', c.teamId, c.tmbId),
    app(c.otherTeamAppId, '别的团队的应用', c.otherTeamId, c.otherTeamTmbId),
  ]) {
    state.apps.set(a.appId, a);
  }
  state.apiKeys.set(c.appKey, {
    key: c.appKey,
    name: 'fake-app-key',
    teamId: c.teamId,
    tmbId: c.tmbId,
    appId: c.appId,
  });
  state.apiKeys.set(c.accountKey, {
    key: c.accountKey,
    name: 'fake-account-key',
    teamId: c.teamId,
    tmbId: c.tmbId,
  });
  state.apiKeys.set(c.otherTeamAppKey, {
    key: c.otherTeamAppKey,
    name: 'other-team-key',
    teamId: c.otherTeamId,
    tmbId: c.otherTeamTmbId,
    appId: c.otherTeamAppId,
  });
  state.shareLinks.set(c.shareId, {
    shareId: c.shareId,
    appId: c.appId,
    teamId: c.teamId,
    tmbId: c.tmbId,
    name: '官网客服',
    showRunningStatus: true,
    showCite: true,
    usagePoints: 0,
  });
  state.members.set(c.tmbId, {
    tmbId: c.tmbId,
    teamId: c.teamId,
    name: 'Owner',
    token: c.userToken,
    readChatLog: true,
  });
  state.members.set(c.otherTeamTmbId, {
    tmbId: c.otherTeamTmbId,
    teamId: c.otherTeamId,
    name: 'Other',
    token: 'fake-session-other-team',
  });
  return state;
}
