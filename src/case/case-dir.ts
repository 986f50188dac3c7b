/**
 * Which case folder to use: an explicit option, else the MARSAD_CASE value the caller read from
 * the environment, else the built-in case shipped with the package. (Reading the environment
 * is the CLI's and the server's job; they pass the value in.)
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The built-in case folder, found relative to this module both in src/ and in dist/. */
export function builtInCaseDir(): string {
  return fileURLToPath(new URL('../../cases/iraq-withdrawal', import.meta.url));
}

export function resolveCaseDir(opts: { option?: string; envValue?: string; cwd: string }): string {
  const chosen = opts.option || opts.envValue;
  return chosen ? resolve(opts.cwd, chosen) : builtInCaseDir();
}
