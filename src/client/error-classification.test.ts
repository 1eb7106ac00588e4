import { describe, expect, it } from 'vitest';
import { classifyError, retryAfterFromHeader } from './error-classification';
import { APIError, AuthenticationError, NotFoundError, RateLimitError, ValidationError } from './errors';

const envelope = (code: number, statusText: string, message: string) => ({
  code,
  statusText,
  message,
  data: null,
});

describe('classifyError', () => {
  it.each([
    ['4.8.17 (HTTP 200)', 200],
    ['4.13 (HTTP 500)', 500],
    ['4.14 (HTTP 500)', 500],
  ])('reads the business code, not the HTTP status, on %s', (_, status) => {
    const error = classifyError({
      body: envelope(514, 'unAuthApiKey', 'common:code_error.error_message.514'),
      status,
    });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe(
      'FastGPT does not recognise this API key. Check that it exists and has not been deleted.',
    );
    expect(error).toMatchObject({
      status,
      code: 514,
      statusText: 'unAuthApiKey',
      rawMessage: 'common:code_error.error_message.514',
    });
  });

  it('reads the newest servers’ HTTP 400 validation errors with their zod issues', () => {
    const error = classifyError({
      status: 400,
      body: {
        code: 400,
        statusText: 'error',
        message: 'Data validation error',
        data: null,
        zodError: [{ code: 'invalid_type', path: ['chatId'], message: 'Required' }],
      },
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('FastGPT rejected the request parameters (chatId: Required).');
  });

  it.each([
    [envelope(403, 'unAuthorization', 'common:code_error.error_message.403'), AuthenticationError],
    [envelope(502000, 'appUnExist', 'common:code_error.app_error.not_exist'), NotFoundError],
    [envelope(502001, 'unAuthApp', 'common:code_error.app_error.un_auth_app'), AuthenticationError],
    [envelope(504000, 'unAuthChat', 'common:code_error.chat_error.un_auth'), AuthenticationError],
    [envelope(501, 'linkUnInvalid', 'common:code_error.outlink_error.invalid_link'), AuthenticationError],
    [envelope(507000, 'invalidParams', 'common:error.invalid_params'), ValidationError],
    [envelope(510, 'insufficientQuota', 'common:code_error.error_message.510'), APIError],
    [envelope(500, 'error', 'app is empty'), NotFoundError],
    [envelope(500, '', 'messages is empty'), ValidationError],
    [
      envelope(500, 'error', 'Key is error. You need to use the app key rather than the account key.'),
      ValidationError,
    ],
    [envelope(500, 'error', 'contentId or chatId is empty'), ValidationError],
    [envelope(500, 'error', 'Chat item not found'), NotFoundError],
    [envelope(500, 'error', '未配置商业版链接: core,app,logs,getChartData'), NotFoundError],
    [envelope(500, 'error', '分享链接已过期'), AuthenticationError],
  ])('classifies %j', (body, type) => {
    const error = classifyError({ body, status: 500 });
    expect(error.constructor).toBe(type);
    expect(error.message).not.toMatch(/common:|code_error/);
    expect(error.message).toMatch(/^[A-Z].*[.!?]$/);
  });

  it('reads the team rate limit sent as body code 429 and its "try again in N seconds" text', () => {
    const error = classifyError({
      status: 500,
      body: envelope(
        429,
        'error',
        'Rate limit exceeded. Maximum 60 requests per 60 seconds for this team. Please try again in 37 seconds.',
      ),
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(37);
    expect(error.message).toContain('Try again in 37 seconds.');
  });

  it('reads Retry-After from the header of a real HTTP 429', () => {
    const error = classifyError({
      status: 429,
      body: envelope(429, 'tooManyRequest', 'common:error.too_many_request'),
      retryAfterHeader: '5',
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(5);
  });

  it('keeps plain-text errors as sentences and never shows a bare i18n key', () => {
    expect(classifyError({ body: { message: 'LLM request timed out' }, status: 200 }).message).toBe(
      'LLM request timed out.',
    );
    expect(
      classifyError({ body: envelope(599999, 'mystery', 'common:code_error.unknown_key'), status: 500 })
        .message,
    ).toBe('FastGPT reported an error (599999 mystery).');
  });

  it('falls back to the HTTP status for non-FastGPT bodies', () => {
    expect(classifyError({ body: 'Bad gateway', status: 502 })).toBeInstanceOf(APIError);
    expect(classifyError({ body: '', status: 401 })).toBeInstanceOf(AuthenticationError);
    expect(classifyError({ body: '', status: 404 })).toBeInstanceOf(NotFoundError);
    expect(classifyError({ body: '', status: 422 })).toBeInstanceOf(ValidationError);
  });
});

describe('retryAfterFromHeader', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterFromHeader('3', now)).toBe(3);
    expect(retryAfterFromHeader('Sun, 22 Nov 2026 10:00:12 GMT', now)).toBe(12);
    expect(retryAfterFromHeader('soon', now)).toBeUndefined();
    expect(retryAfterFromHeader(null, now)).toBeUndefined();
  });
});
