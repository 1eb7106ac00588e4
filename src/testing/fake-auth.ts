import { FakeHttpError } from './fake-errors';
import type { FakeApp, FakeState } from './fake-model';
import type { AuthenticateOptions, AuthResult } from './fake-route-context';

/** What {@link authenticateFakeRequest} reads. */
export interface FakeAuthInput {
  /** Request headers. */
  headers: Headers;
  /** Query parameters. */
  query: Record<string, string>;
  /** Parsed body. */
  body: unknown;
  /** The store. */
  state: FakeState;
  /** Where share auth is read. */
  placement: 'legacy' | 'nested';
}

/** Share-link credentials found in a request, before they are checked. */
export interface FakeShareCredentials {
  /** The link id. */
  shareId: string;
  /** The end-user id. */
  outLinkUid: string;
}

/**
 * Reads `shareId` + `outLinkUid` from where the configured generation sends them: top-level body or
 * query fields (`legacy`), or `outLinkAuthData` (`nested`; a JSON string in queries). Returns
 * `undefined` unless both are non-empty, because FastGPT then falls through to header auth.
 */
export function readShareCredentials(
  input: Pick<FakeAuthInput, 'query' | 'body' | 'placement'>,
  nested = input.placement === 'nested',
): FakeShareCredentials | undefined {
  const body = isRecord(input.body) ? input.body : {};
  let source: Record<string, unknown>;
  if (nested) {
    const fromBody = body.outLinkAuthData;
    source = isRecord(fromBody) ? fromBody : parseJsonRecord(input.query.outLinkAuthData);
    const hasShare = typeof source.shareId === 'string' && source.shareId !== '';
    const hasUid = typeof source.outLinkUid === 'string' && source.outLinkUid !== '';
    if (input.placement === 'nested' && hasShare !== hasUid) {
      throw FakeHttpError.validation(
        'shareId and outLinkUid must be provided together',
        ['outLinkAuthData'],
        'outLinkAuthData.shareId and outLinkAuthData.outLinkUid must be provided together',
      );
    }
  } else {
    source = {
      shareId: body.shareId ?? input.query.shareId,
      outLinkUid: body.outLinkUid ?? input.query.outLinkUid,
    };
  }
  const { shareId, outLinkUid } = source;
  if (typeof shareId !== 'string' || typeof outLinkUid !== 'string' || !shareId || !outLinkUid)
    return undefined;
  return { shareId, outLinkUid };
}

/**
 * FastGPT's credential check (`parseHeaderCert` + `authOutLink`): share link when both share fields are
 * present, else the session token, else `Authorization: Bearer <key>` (or the legacy
 * `Bearer <key>-<appId>`). Throws `unAuthorization` (403), `unAuthApiKey` (514) or `linkUnInvalid` (501).
 */
export function authenticateFakeRequest(input: FakeAuthInput, options: AuthenticateOptions = {}): AuthResult {
  const { allowShare = true, allowKeys = true, allowToken = true, nestedShare = false } = options;
  const { state, headers } = input;
  if (allowShare) {
    const share = readShareCredentials(input, nestedShare || input.placement === 'nested');
    if (share) {
      const link = state.shareLinks.get(share.shareId);
      if (!link) throw FakeHttpError.known('linkUnInvalid');
      return {
        teamId: link.teamId,
        tmbId: link.tmbId,
        appId: link.appId,
        via: 'share',
        share: { shareId: share.shareId, outLinkUid: share.outLinkUid, link },
      };
    }
  }
  const token = headers.get('token') || readCookie(headers.get('cookie'), 'fastgpt_token');
  if (allowToken && token) {
    for (const member of state.members.values()) {
      if (member.token === token) {
        return {
          teamId: member.teamId,
          tmbId: member.tmbId,
          via: 'token',
          ...(member.readChatLog ? { readChatLog: true } : {}),
        };
      }
    }
    throw FakeHttpError.known('unAuthorization');
  }
  const authorization = headers.get('authorization');
  if (!allowKeys || !authorization) throw FakeHttpError.known('unAuthorization');
  const credential = authorization.split(' ')[1];
  if (!credential) throw FakeHttpError.known('unAuthorization');
  const parts = credential.split('-');
  if (parts.length !== 2 && parts.length !== 3) throw FakeHttpError.known('unAuthorization');
  const key = state.apiKeys.get(`${parts[0]}-${parts[1]}`);
  if (!key) throw FakeHttpError.known('unAuthApiKey');
  const appId = key.appId ?? parts[2];
  return {
    teamId: key.teamId,
    tmbId: key.tmbId,
    ...(appId ? { appId } : {}),
    via: key.appId ? 'appKey' : 'accountKey',
    keyName: key.name,
  };
}

/**
 * FastGPT's `authApp` for chat CRUD: the app must exist (502000) and belong to the caller's team
 * (502001); a share link may only reach its own app (504000).
 */
export function authorizeFakeApp(state: FakeState, auth: AuthResult, appId: string | undefined): FakeApp {
  if (auth.share && appId !== auth.share.link.appId) throw FakeHttpError.known('unAuthChat');
  const app = appId ? state.apps.get(appId) : undefined;
  if (!app) throw FakeHttpError.known('appUnExist');
  if (app.teamId !== auth.teamId) throw FakeHttpError.known('unAuthApp');
  return app;
}

function readCookie(cookie: string | null, name: string): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function parseJsonRecord(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** True for plain objects (not arrays or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
