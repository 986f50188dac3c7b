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
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
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
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
