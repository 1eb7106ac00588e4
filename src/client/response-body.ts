import { classifyError } from './error-classification';
import type { FastGPTError } from './errors';

/** Reads a body as JSON when it parses (a leading BOM is tolerated), otherwise as text. */
export async function readResponseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  return parseBodyText(text);
}

/** Parses body text as JSON when it parses, otherwise returns the text. */
export function parseBodyText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return text;
  }
}

/**
 * The error a body stands for, if it is one: a FastGPT envelope whose `code` is not 200 (old servers answer
 * errors with HTTP 200), or a bare `{ message }` without a payload.
 */
export function errorFromBody(body: unknown, response: Response): FastGPTError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  const isEnvelopeError = 'code' in fields && fields.code !== 200;
  const isBareMessage =
    !('code' in fields) && 'message' in fields && !('choices' in fields) && !('data' in fields);
  if (!isEnvelopeError && !isBareMessage) return undefined;
  return classifyError({
    body,
    status: response.status,
    retryAfterHeader: response.headers.get('retry-after'),
  });
}
