/**
 * Writes a command's output file (report, export, model export) through a temporary file beside
 * the target and a rename, so an interrupted or failed write never leaves half a file — and never
 * leaves the temporary file behind either. A target that cannot be written because of what the
 * user typed (a folder, a missing parent folder) is bad usage: InputError, exit 2.
 */
import { stat, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, MarsadError } from '../domain/errors.js';

export async function writeOutputFile(path: string, data: string | Uint8Array, field = '--out'): Promise<void> {
  const target = await statOrNull(path);
  if (target?.isDirectory()) throw new InputError(`${path} is a folder; give a file name`, { file: path, field });
  const parent = await statOrNull(dirname(path));
  if (!parent) throw new InputError(`folder ${dirname(path)} does not exist`, { file: path, field });
  if (!parent.isDirectory()) throw new InputError(`${dirname(path)} is not a folder`, { file: path, field });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch((cleanup: NodeJS.ErrnoException) => {
      // The temporary file may never have been created; anything else is worth knowing.
      if (cleanup.code !== 'ENOENT') throw new MarsadError(`cannot remove ${tmp}: ${cleanup.message}`, { cause: cleanup });
    });
    throw new MarsadError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new MarsadError(`cannot inspect ${path}: ${(error as Error).message}`, { cause: error });
  }
}
