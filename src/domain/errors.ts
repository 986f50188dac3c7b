/**
 * The one error hierarchy of Marsad. Every module throws one of these (wrapping the original
 * failure as `cause`), so the CLI and the server map them to exit codes and HTTP statuses in one
 * place each. Messages are written for the user: they name the file, line and field, and say
 * what was expected.
 */
export class MarsadError extends Error {
  override readonly name: string = 'MarsadError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Bad input from a user: a file, a case folder, a CLI flag, an HTTP body. Exit code 2; HTTP 400. */
export class InputError extends MarsadError {
  override readonly name: string = 'InputError';
  /** Where the problem is, when known: file name, 1-based line, dotted field path. */
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  constructor(
    message: string,
    where: { file?: string; line?: number; field?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** Input too large for a configured limit. Exit code 2; HTTP 413. */
export class TooLargeError extends InputError {
  override readonly name: string = 'TooLargeError';
}

/** An id or file that does not exist. Exit code 2; HTTP 404. */
export class NotFoundError extends MarsadError {
  override readonly name: string = 'NotFoundError';
}

/** A write that contradicts what is stored. Exit code 1; HTTP 409. */
export class ConflictError extends MarsadError {
  override readonly name: string = 'ConflictError';
}

/** At a configured capacity (running jobs, briefings being rendered): try again later. HTTP 429. */
export class BusyError extends MarsadError {
  override readonly name: string = 'BusyError';
}

/**
 * The disk holding the store is full (or over its quota): the write that met it was rolled back
 * whole. Exit code 1; HTTP 507.
 */
export class StorageFullError extends MarsadError {
  override readonly name: string = 'StorageFullError';
}

/** Formats an InputError location prefix such as `actors.yaml:12 field actors[3].name.ar: `. */
export function describeWhere(where: { file?: string; line?: number; field?: string }): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.line ? `${where.file}:${where.line}` : where.file);
  if (where.field) parts.push(`field ${where.field}`);
  return parts.length ? `${parts.join(' ')}: ` : '';
}
