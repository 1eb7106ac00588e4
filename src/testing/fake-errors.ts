import type { FastGPTErrorBody, FastGPTZodIssue } from '../client/types';
import type { FakeServerVersion } from './fake-options';

/** FastGPT's `ERROR_RESPONSE` entries the fake server throws: error key → business code and i18n message. */
export const KNOWN_ERRORS = {
  unAuthorization: { code: 403, message: 'common:code_error.error_message.403' },
  tooManyRequest: { code: 429, message: 'common:error.too_many_request' },
  insufficientQuota: { code: 510, message: 'common:code_error.error_message.510' },
  unAuthModel: { code: 511, message: 'common:code_error.error_message.511' },
  unAuthFile: { code: 513, message: 'common:code_error.error_message.513' },
  unAuthApiKey: { code: 514, message: 'common:code_error.error_message.514' },
  linkUnInvalid: { code: 501, message: 'common:code_error.outlink_error.invalid_link' },
  appUnExist: { code: 502000, message: 'common:code_error.app_error.not_exist' },
  unAuthApp: { code: 502001, message: 'common:code_error.app_error.un_auth_app' },
  unAuthChat: { code: 504000, message: 'common:code_error.chat_error.un_auth' },
  outlinkUnExist: { code: 505000, message: 'common:code_error.outlink_error.link_un_exist' },
  unAuthUser: { code: 505003, message: 'common:code_error.outlink_error.un_auth_user' },
  openapiUnExist: { code: 506000, message: 'common:code_error.openapi_error.api_key_not_exist' },
  invalidParams: { code: 507000, message: 'common:error.invalid_params' },
  missingParams: { code: 507004, message: 'common:error.missingParams' },
} as const;

/** Key of a {@link KNOWN_ERRORS} entry (the body's `statusText`). */
export type KnownErrorKey = keyof typeof KNOWN_ERRORS;

/** How a {@link FakeHttpError} is rendered. */
export type FakeHttpErrorKind = 'known' | 'plain' | 'validation';

/**
 * An error a fake route throws. One place ({@link fakeErrorResponse}) turns it into the status and
 * body of the configured server version:
 * - `known`: an `ERROR_RESPONSE` entry (`{code: 514, statusText: 'unAuthApiKey', message: <i18n key>}`);
 * - `plain`: a thrown string (`{code: 500, statusText: '' | 'error', message: <text>}`);
 * - `validation`: an input-schema error; zod-style (`code: 400`, `zodError`) from `zodSince` on,
 *   the plain `message` on older versions.
 */
export class FakeHttpError extends Error {
  override name = 'FakeHttpError';
  /** How the error renders. */
  readonly kind: FakeHttpErrorKind;
  /** The `ERROR_RESPONSE` key of `known` errors. */
  readonly key: KnownErrorKey | undefined;
  /** Business code of `plain` errors (default 500). */
  readonly code: number;
  /** Zod issues of `validation` errors. */
  readonly zodError: FastGPTZodIssue[];
  /** First version that validates this input with zod (`validation` errors). */
  readonly zodSince: '4.14' | 'newest';

  private constructor(
    kind: FakeHttpErrorKind,
    message: string,
    extra: { key?: KnownErrorKey; code?: number; zodError?: FastGPTZodIssue[]; zodSince?: '4.14' | 'newest' },
  ) {
    super(message);
    this.kind = kind;
    this.key = extra.key;
    this.code = extra.code ?? 500;
    this.zodError = extra.zodError ?? [];
    this.zodSince = extra.zodSince ?? 'newest';
  }

  /** A known `ERROR_RESPONSE` error, e.g. `FakeHttpError.known('unAuthApiKey')`. */
  static known(key: KnownErrorKey): FakeHttpError {
    return new FakeHttpError('known', KNOWN_ERRORS[key].message, { key });
  }

  /** A plain thrown string, e.g. `FakeHttpError.plain('app is empty')`. */
  static plain(message: string, code = 500): FakeHttpError {
    return new FakeHttpError('plain', message, { code });
  }

  /**
   * An input-schema error: HTTP 400 + `zodError` on `newest` (HTTP 500 with the same body from
   * `zodSince: '4.14'`), else the plain `legacyMessage`.
   */
  static validation(
    legacyMessage: string,
    path: Array<string | number>,
    issueMessage: string,
    zodSince: '4.14' | 'newest' = 'newest',
  ): FakeHttpError {
    const zodError = [{ code: 'invalid_type', path, message: issueMessage }];
    return new FakeHttpError('validation', legacyMessage, { zodError, zodSince });
  }

  /** Whether this error renders as zod validation on `version`. */
  isZodOn(version: FakeServerVersion): boolean {
    return (
      this.kind === 'validation' && (version === 'newest' || (this.zodSince === '4.14' && version === '4.14'))
    );
  }
}

/** Body and HTTP status of an error on a server version (contract §8, §9.1). */
export interface RenderedFakeError {
  /** HTTP status. */
  status: number;
  /** The JSON body (the envelope, plus `zodError` for validation errors). */
  body: FastGPTErrorBody;
  /** The data of the bare SSE `error` event: the envelope for known errors, `{message}` for others. */
  sseData: Record<string, unknown>;
}

/** Renders any thrown value as FastGPT `version` would answer it. */
export function renderFakeError(error: unknown, version: FakeServerVersion): RenderedFakeError {
  const err = error instanceof FakeHttpError ? error : FakeHttpError.plain(errorText(error));
  if (err.kind === 'known' && err.key) {
    const entry = KNOWN_ERRORS[err.key];
    const body: FastGPTErrorBody = {
      code: entry.code,
      statusText: err.key,
      message: entry.message,
      data: null,
    };
    // ≤ 4.8.17 answered known errors with HTTP 200; 4.8.18 on, always 500.
    return { status: version === '4.8.17' ? 200 : 500, body, sseData: { ...body } };
  }
  if (err.isZodOn(version)) {
    const body: FastGPTErrorBody = {
      code: 400,
      statusText: 'error',
      message: 'Data validation error',
      data: null,
      zodError: err.zodError,
    };
    return { status: version === 'newest' ? 400 : 500, body, sseData: { ...body } };
  }
  // statusText became "error" in 4.13.2; '4.13' stands for the releases before that change.
  const statusText = version === '4.8.17' || version === '4.13' ? '' : 'error';
  const body: FastGPTErrorBody = { code: err.code, statusText, message: err.message, data: null };
  return { status: 500, body, sseData: { message: err.message } };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

/** A JSON response with FastGPT's headers. */
export function fakeJsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The error response of `version` for a thrown value. */
export function fakeErrorResponse(error: unknown, version: FakeServerVersion): Response {
  const rendered = renderFakeError(error, version);
  return fakeJsonResponse(rendered.body, rendered.status);
}

/** Next.js's 404 page, which FastGPT answers for routes it does not have. */
export function fakeNotFoundResponse(): Response {
  const html =
    '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>404: This page could not be found</title></head>' +
    '<body><div id="__next"><h1>404</h1><h2>This page could not be found.</h2></div></body></html>';
  return new Response(html, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The text-style team QPM rejection (≥ 4.14.1): a plain error with body code 429 and no `Retry-After`. */
export function teamRateLimitError(retryAfterSeconds: number): FakeHttpError {
  return FakeHttpError.plain(
    `Rate limit exceeded. Maximum 60 requests per 60 seconds for this team. Please try again in ${retryAfterSeconds} seconds.`,
    429,
  );
}
