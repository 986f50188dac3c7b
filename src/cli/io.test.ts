import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { memoryIo, quietOnClosedPipe, terminalSafe } from './io.js';

function fakeStream() {
  return new EventEmitter() as unknown as NodeJS.WriteStream;
}

describe('quietOnClosedPipe', () => {
  it('marks the stream closed, without throwing, when the reader closed the pipe (marsad events | head)', () => {
    const stream = fakeStream();
    const state = quietOnClosedPipe(stream);
    expect(state.closed).toBe(false);
    expect(() => stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).not.toThrow();
    expect(state.closed).toBe(true);
  });

  it('still raises any other stream error', () => {
    const stream = fakeStream();
    const state = quietOnClosedPipe(stream);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow(/disk full/);
    expect(state.closed).toBe(false);
  });

  it('lets a real process write past a closed pipe without a stack trace, keeping its exit code', () => {
    // The child imports the built module (dist/, built by tsc) and writes far more than the pipe
    // buffer after its reader (head -c 1) has gone.
    const ioModule = fileURLToPath(new URL('../../dist/cli/io.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'marsad-pipe-'));
    const script = join(dir, 'writer.mjs');
    writeFileSync(
      script,
      `import { processIo } from ${JSON.stringify(ioModule)};
const io = processIo();
for (let i = 0; i < 2000; i++) io.out('x'.repeat(1000) + '\\n');
setTimeout(() => { io.err('done\\n'); process.exitCode = 3; }, 50);
`,
    );
    const run = spawnSync('bash', ['-c', `node ${script} | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.stderr).toContain('done');
    expect(run.stdout).toContain('rc=3');
  });
});

describe('terminalSafe', () => {
  it('removes ESC sequences, C1 controls, lone CR and NUL, keeping tabs and line ends', () => {
    expect(terminalSafe('عنوان\u001b]0;owned\u0007 \u001b[31mred\u001b[0m\r\n\tx\u009b2J\rover\u0000')).toBe('عنوان]0;owned [31mred[0m\r\n\tx2Jover');
  });
  it('memoryIo prints a hostile document title without its escapes', () => {
    const io = memoryIo();
    io.out('title: \u001b[2Jcleared\n');
    expect(io.stdout).toBe('title: [2Jcleared\n');
  });
});
