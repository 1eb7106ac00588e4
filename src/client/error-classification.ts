import {
  APIError,
  type APIErrorDetails,
  AuthenticationError,
  type FastGPTError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from './errors';
import { retryAfterFromText } from './retry-policy';
import type { FastGPTZodIssue } from './types';

/** The fields FastGPT puts in an error body; every one may be missing. */
interface ErrorBodyFields {
  code?: unknown;
  statusText?: unknown;
  message?: unknown;
  zodError?: unknown;
}

type ErrorKind = 'auth' | 'rateLimit' | 'validation' | 'notFound' | 'api';

interface KnownError {
  kind: ErrorKind;
  message: string;
}

// FastGPT sends i18n keys or terse text; users get these sentences, the raw text stays on `rawMessage`.
const BY_STATUS_TEXT = {
  unAuthorization: {
    kind: 'auth',
    message: 'FastGPT rejected the request: no valid API key, session token or share link was sent.',
  },
  unAuthApiKey: {
    kind: 'auth',
    message: 'FastGPT does not recognise this API key. Check that it exists and has not been deleted.',
  },
  openapiUnExist: { kind: 'auth', message: 'This API key does not exist on the FastGPT server.' },
  openapiUnAuth: { kind: 'auth', message: 'This API key is not allowed to make this request.' },
  openapiExceedLimit: { kind: 'api', message: 'This API key has reached its usage limit.' },
  unAuthApp: { kind: 'auth', message: 'This key or account has no access to the app.' },
  unAuthChat: { kind: 'auth', message: 'This chat belongs to another user, team or share link.' },
  linkUnInvalid: { kind: 'auth', message: 'The share link is invalid or has been deleted.' },
  unAuthLink: { kind: 'auth', message: 'The share link does not allow this request.' },
  unAuthUser: { kind: 'auth', message: 'The share link could not verify the user (token check failed).' },
  unAuthModel: { kind: 'auth', message: 'This account may not use the model the app needs.' },
  unAuthFile: { kind: 'auth', message: 'This account may not use the file.' },
  tooManyRequest: { kind: 'rateLimit', message: 'FastGPT is receiving too many requests; slow down.' },
  insufficientQuota: { kind: 'api', message: 'The FastGPT account has run out of AI points.' },
  appUnExist: { kind: 'notFound', message: 'The app does not exist. Check the appId.' },
  outlinkUnExist: { kind: 'notFound', message: 'The share link does not exist.' },
  invalidParams: { kind: 'validation', message: 'FastGPT rejected the request parameters.' },
  missingParams: { kind: 'validation', message: 'The request is missing a required parameter.' },
} satisfies Record<string, KnownError>;

type StatusTextKey = keyof typeof BY_STATUS_TEXT;

const BY_CODE: Record<number, KnownError> = {
  403: BY_STATUS_TEXT.unAuthorization,
  401: BY_STATUS_TEXT.unAuthorization,
  429: BY_STATUS_TEXT.tooManyRequest,
  501: BY_STATUS_TEXT.linkUnInvalid,
  510: BY_STATUS_TEXT.insufficientQuota,
  511: BY_STATUS_TEXT.unAuthModel,
  513: BY_STATUS_TEXT.unAuthFile,
  514: BY_STATUS_TEXT.unAuthApiKey,
  502000: BY_STATUS_TEXT.appUnExist,
  502001: BY_STATUS_TEXT.unAuthApp,
  504000: BY_STATUS_TEXT.unAuthChat,
  505000: BY_STATUS_TEXT.outlinkUnExist,
  505001: BY_STATUS_TEXT.unAuthLink,
  505003: BY_STATUS_TEXT.unAuthUser,
  506000: BY_STATUS_TEXT.openapiUnExist,
  506001: BY_STATUS_TEXT.openapiUnAuth,
  506002: BY_STATUS_TEXT.openapiExceedLimit,
};

// Plain-text errors FastGPT throws as `{code: 500, message: <text>}`; matched by substring.
const BY_TEXT: Array<[RegExp, KnownError]> = [
  [/^app is empty/i, { kind: 'notFound', message: 'The app does not exist or has been deleted.' }],
  [
    /^Key is error/i,
    {
      kind: 'validation',
      message: 'This is an account key: pass appId as well, or use the app’s own API key.',
    },
  ],
  [/^messages is empty/i, { kind: 'validation', message: 'The request has no messages.' }],
  [/^messages is not array/i, { kind: 'validation', message: 'The request’s messages must be an array.' }],
  [/is empty$/i, { kind: 'validation', message: 'The request is missing a required parameter.' }],
  [/^Chat item not found/i, { kind: 'notFound', message: 'That chat record does not exist.' }],
  [/not found$/i, { kind: 'notFound', message: 'FastGPT could not find what the request refers to.' }],
  [
    /未配置商业版链接/,
    {
      kind: 'notFound',
      message: 'This FastGPT edition has no analytics chart endpoints (they need the commercial edition).',
    },
  ],
  [/分享链接已过期/, { kind: 'auth', message: 'The share link has expired.' }],
  [/链接超出使用限制/, { kind: 'api', message: 'The share link has reached its usage limit.' }],
  [/每分钟仅能请求|Too many request|Rate limit exceeded/i, BY_STATUS_TEXT.tooManyRequest],
  [/^Data validation error/i, { kind: 'validation', message: 'FastGPT rejected the request parameters.' }],
];

const I18N_KEY = /^[a-zA-Z_]+:[\w.-]+$/;

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describeZodIssues(issues: FastGPTZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = Array.isArray(issue.path) && issue.path.length > 0 ? issue.path.join('.') : 'body';
    return issue.message ? `${path}: ${issue.message}` : path;
  });
  return parts.join('; ');
}

function lookup(code: number | undefined, statusText: string | undefined, raw: string | undefined) {
  if (statusText && statusText in BY_STATUS_TEXT) return BY_STATUS_TEXT[statusText as StatusTextKey];
  if (raw) {
    for (const [pattern, known] of BY_TEXT) if (pattern.test(raw)) return known;
  }
  if (code !== undefined && code in BY_CODE) return BY_CODE[code];
  if (code !== undefined && code >= 507000 && code < 508000) return BY_STATUS_TEXT.invalidParams;
  return undefined;
}

function kindFromStatus(status: number | undefined): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rateLimit';
  if (status === 400 || status === 422) return 'validation';
  if (status === 404) return 'notFound';
  return 'api';
}

/** Options of {@link classifyError}. */
export interface ClassifyErrorInput {
  /** The parsed body (an envelope, `{message}`, or anything). */
  body: unknown;
  /** HTTP status, when there was a response. */
  status?: number;
  /** The response's `Retry-After` header. */
  retryAfterHeader?: string | null;
  /** Current time in ms, for HTTP-date `Retry-After`. */
  now?: number;
}

/**
 * Turns a FastGPT error body into the right error class with a human sentence. The body's `code` and
 * `statusText` decide first and the HTTP status second, because FastGPT answers 500 (or 200) for auth and
 * validation failures.
 */
export function classifyError({ body, status, retryAfterHeader, now }: ClassifyErrorInput): FastGPTError {
  const fields: ErrorBodyFields = typeof body === 'object' && body !== null ? (body as ErrorBodyFields) : {};
  const code = typeof fields.code === 'number' ? fields.code : status;
  const statusText = asString(fields.statusText);
  const rawMessage =
    asString(fields.message) ?? (typeof body === 'string' ? asString(body.trim()) : undefined);
  const zodIssues = Array.isArray(fields.zodError) ? (fields.zodError as FastGPTZodIssue[]) : undefined;

  const known = lookup(code, statusText, rawMessage);
  let kind: ErrorKind = known?.kind ?? (zodIssues ? 'validation' : kindFromStatus(code ?? status));
  if (kind === 'api' && status !== undefined && status !== 500 && status !== 200)
    kind = kindFromStatus(status);

  let message: string;
  if (zodIssues && zodIssues.length > 0) {
    message = `FastGPT rejected the request parameters (${describeZodIssues(zodIssues)}).`;
  } else if (known) {
    message = known.message;
  } else if (rawMessage && !I18N_KEY.test(rawMessage) && rawMessage.length <= 500) {
    message = /[.!?。！？]$/.test(rawMessage) ? rawMessage : `${rawMessage}.`;
    if (!/^[A-Z\u4e00-\u9fff]/.test(message)) message = `FastGPT reported an error: ${message}`;
  } else {
    const label = [code, statusText].filter((part) => part !== undefined && part !== '').join(' ');
    message = label ? `FastGPT reported an error (${label}).` : 'FastGPT reported an error.';
  }

  const details: APIErrorDetails = { status, code, statusText, rawMessage, body };
  switch (kind) {
    case 'auth':
      return new AuthenticationError(message, details);
    case 'validation':
      return new ValidationError(message, details);
    case 'notFound':
      return new NotFoundError(message, details);
    case 'rateLimit': {
      const retryAfter = retryAfterFromHeader(retryAfterHeader, now) ?? retryAfterFromText(rawMessage);
      const withWait = retryAfter === undefined ? message : `${message} Try again in ${retryAfter} seconds.`;
      return new RateLimitError(withWait, { ...details, retryAfter });
    }
    default:
      return new APIError(message, details);
  }
}

/** Reads `Retry-After` (seconds or an HTTP date) as whole seconds from now. */
export function retryAfterFromHeader(
  header: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
