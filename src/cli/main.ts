/**
 * The `marsad` command line: parses arguments with commander, runs one command, and maps
 * Marsad's typed errors to exit codes (0 ok, 1 runtime failure, 2 bad usage or bad input).
 * Every command lives in its own file under commands/ and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { InputError, MarsadError, NotFoundError, describeWhere } from '../domain/errors.js';
import { commandRegistry } from './commands/index.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { dataDirOf, runOnServer, runningServer } from './beside-server.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('marsad')
    .description('Marsad (مرصد): an analyst\'s workbench for one geopolitical question at a time.')
    .option('--data <dir>', 'data folder of the embedded store (default $MARSAD_DATA or ~/.marsad/data)')
    .option('--case <dir>', 'case folder (default $MARSAD_CASE or the built-in cases/iraq-withdrawal)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of commandRegistry) register(program, io);
  return program;
}

/** Runs the CLI and resolves to the exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    // Beside a running app on the same data folder, the app runs the command (it holds the store).
    if (!io.workbench) {
      const dataDir = dataDirOf(argv.slice(2), io);
      const note = dataDir ? runningServer(dataDir) : null;
      if (note) return await runOnServer(note, argv.slice(2), io);
    }
    await program.parseAsync(argv);
    return io.exitCode ?? 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // help and version exit through here with code 0
    if (error.exitCode === 0) return 0;
    return 2;
  }
  if (error instanceof InputError) {
    io.err(`marsad: ${describeWhere(error)}${error.message}\n`);
    return 2;
  }
  if (error instanceof NotFoundError) {
    io.err(`marsad: ${error.message}\n`);
    return 2;
  }
  if (error instanceof MarsadError) {
    io.err(`marsad: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`marsad: unexpected failure: ${message}\n`);
  return 1;
}
