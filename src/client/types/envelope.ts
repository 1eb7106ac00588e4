/**
 * The JSON envelope FastGPT wraps around every response except chat-completion bodies and streams.
 * Success has `code: 200`; failures carry a business code (403, 514, 502000, …) in `code`.
 */
export interface FastGPTEnvelope<TData> {
  /** 200 on success, otherwise a FastGPT business code such as 403, 514 or 502000. */
  code: number;
  /** The thrown error key (`unAuthorization`, `unAuthApiKey`, `error`, …), or `""`. */
  statusText: string;
  /** An i18n key (`common:code_error.error_message.514`) or plain text; `""` on success. */
  message: string;
  /** The payload; `null` for handlers that return nothing and for errors. */
  data: TData;
  /** Schema errors of newer servers (zod issues), present on validation failures. */
  zodError?: FastGPTZodIssue[];
}

/** One schema-validation problem reported by newer FastGPT servers. */
export interface FastGPTZodIssue {
  /** The zod issue code, e.g. `invalid_type`. */
  code?: string;
  /** Path of the offending field in the request. */
  path?: Array<string | number>;
  /** Human text from the validator. */
  message?: string;
  [key: string]: unknown;
}

/** The body of a FastGPT error response: the envelope with `data: null`. */
export type FastGPTErrorBody = FastGPTEnvelope<null>;

/** A page of results as FastGPT returns it. */
export interface FastGPTPage<TItem> {
  /** The items of this page. */
  list: TItem[];
  /** How many items match in all. */
  total: number;
}
