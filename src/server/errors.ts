/**
 * The one place that turns failures into HTTP responses. Every error leaves the server as
 * `{ ok: false, error, status }` — never a stack trace — so clients handle one shape.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BusyError,
  ConflictError,
  InputError,
  MarsadError,
  NotFoundError,
  StorageFullError,
  TooLargeError,
  describeWhere,
} from '../domain/errors.js';

/** Refused by a security rule (missing token, cross-site write). */
export class ForbiddenError extends MarsadError {
  override readonly name: string = 'ForbiddenError';
  constructor(
    message: string,
    readonly status: 401 | 403 = 403,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ErrorBody {
  ok: false;
  error: string;
  status: number;
}

/** Maps a thrown value to its status and the message the client may see. */
export function describeError(error: unknown): ErrorBody {
  if (error instanceof TooLargeError) return body(413, `${describeWhere(error)}${error.message}`);
  if (error instanceof InputError) return body(400, `${describeWhere(error)}${error.message}`);
  if (error instanceof NotFoundError) return body(404, error.message);
  if (error instanceof ForbiddenError) return body(error.status, error.message);
  if (error instanceof BusyError) return body(429, error.message);
  if (error instanceof ConflictError) return body(409, error.message);
  if (error instanceof StorageFullError) return body(507, 'the disk holding the store is full; the change was not stored');
  // PostgreSQL refusing a value a user sent: NUL in text (22021, 22P05), a value too long for
  // an index (54000). Bad input, not a server failure.
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '22021' || code === '22P05') return body(400, 'a NUL or an invalid character is not allowed in text or ids');
  if (code === '54000') return body(413, 'a value is too long to store or index');
  // Unknown failures may carry internals (paths, SQL): the client gets a plain 500.
  return body(500, 'internal server error');
}

export { BusyError };

/** `onUnexpected` hears of failures that are not Marsad's typed errors: the adapter running the server logs them. */
export function errorResponse(c: Context, error: unknown, onUnexpected?: (error: unknown) => void): Response {
  const described = describeError(error);
  if (described.status === 500) onUnexpected?.(error);
  return c.json(described, described.status as ContentfulStatusCode);
}

export function notFoundResponse(c: Context): Response {
  return errorResponse(c, new NotFoundError(`no such route: ${c.req.method} ${c.req.path}`));
}

function body(status: number, error: string): ErrorBody {
  return { ok: false, error, status };
}
