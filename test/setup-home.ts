/**
 * Each test file gets its own HOME, so a command run without `--data` uses a default data folder
 * (~/.marsad/data) no other test file shares: the embedded store admits one process at a time,
 * and test files run in parallel.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.HOME = mkdtempSync(join(tmpdir(), 'marsad-home-'));
