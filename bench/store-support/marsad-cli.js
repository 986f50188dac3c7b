// The built CLI as a child process, for the benchmarks that run workers and jobs: resolves to
// its stdout, rejects with the end of its stderr when it exits non-zero. The built-in case is
// switched off (MARSAD_CASE='') unless `env` sets it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

export function marsad(args, env = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_CASE: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(stdout) : reject(new Error(`marsad ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}
