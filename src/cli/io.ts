import type { Workbench } from '../app/workbench.js';

/**
 * What a command may touch of the outside world: output streams, environment, working folder.
 * Passing it in (rather than using process directly) lets tests run commands in process.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** A command sets this for a partial success (e.g. 2 when some files were rejected). */
  exitCode?: number;
  /**
   * Set when the command runs inside `marsad serve` on behalf of a CLI beside it: the server's
   * workbench, which the command uses instead of opening the data folder again.
   */
  workbench?: Workbench;
}

/**
 * Terminal control characters removed from what a command prints: document titles, snippets and
 * imported metadata are hostile, and an ESC sequence in them would recolour, retitle or rewrite
 * the analyst's terminal. Tabs and line ends stay (CR only before LF, as in CSV); JSON output
 * escapes control characters itself, so it is unchanged.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g, '');
}

export function processIo(): CliIo {
  const stdout = quietOnClosedPipe(process.stdout);
  const stderr = quietOnClosedPipe(process.stderr);
  return {
    out: (text) => void (stdout.closed || process.stdout.write(terminalSafe(text))),
    err: (text) => void (stderr.closed || process.stderr.write(terminalSafe(text))),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** A CliIo that records output, for tests. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CliIo & {
  stdout: string;
  stderr: string;
} {
  const io = {
    stdout: '',
    stderr: '',
    isTTY: false,
    env,
    cwd,
    exitCode: undefined as number | undefined,
    out(text: string) {
      io.stdout += terminalSafe(text);
    },
    err(text: string) {
      io.stderr += terminalSafe(text);
    },
  };
  return io;
}

/**
 * `marsad events | head` closes stdout early; Node then raises EPIPE as an unhandled stream
 * error with a stack trace. A reader that stopped reading is not a failure of ours: stop writing
 * to that stream and let the command finish, so its exit code still tells whether it succeeded
 * (e.g. `marsad case check | head` still exits 2 on a broken case). Other errors still raise.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): { readonly closed: boolean } {
  const state = { closed: false };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || (state.closed && error.code === 'ERR_STREAM_DESTROYED')) {
      state.closed = true;
      return;
    }
    throw error;
  });
  return state;
}
