// A four-concept case folder written to a temporary directory, for the CLI tests of
// `marsad simulate` and `marsad model`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register as registerModel } from '../../src/cli/commands/model.js';
import { register as registerSimulate } from '../../src/cli/commands/simulate.js';
import { memoryIo } from '../../src/cli/io.js';

const cite = '[{ doc: a.txt, quote: "a quote here" }]';

export const TOY_MODEL = `concepts:
  - { id: presence, kind: lever, label: { ar: الوجود, en: Presence }, initial: 1 }
  - { id: vacuum, kind: intermediate, label: { ar: الفراغ, en: Vacuum } }
  - { id: chaos, kind: outcome, label: { ar: الفوضى, en: Chaos } }
  - { id: trade, kind: outcome, label: { ar: التجارة, en: Trade } }
edges:
  - { from: presence, to: vacuum, weight: -0.6, range: [-0.9, -0.3], cite: ${cite} }
  - { from: vacuum, to: chaos, weight: 0.6, range: [0.4, 0.8], cite: ${cite} }
  - { from: chaos, to: trade, weight: -0.5, range: [-0.7, -0.3], cite: ${cite} }
  - { from: trade, to: chaos, weight: -0.2, range: [-0.4, 0], cite: ${cite} }
stakes:
  - { actor: iran, weights: { chaos: 0.5 } }
  - { actor: us, weights: { chaos: -0.5, trade: 0.5 } }
`;

export const TOY_SCENARIOS = `scenarios:
  - id: withdraw
    title: { ar: انسحاب, en: Withdraw }
    description: { ar: انسحاب, en: Withdraw }
    levers: { presence: 0 }
    cite: ${cite}
  - id: phased
    title: { ar: مراحل, en: Phased }
    description: { ar: مراحل, en: Phased }
    schedule:
      - { date: 2025-09-30, levers: { presence: 0.5 } }
      - { date: 2026-09-30, levers: { presence: 0 } }
    cite: ${cite}
`;

const CASE = `case:
  id: toy
  title: { ar: لعبة, en: Toy }
  question: { ar: سؤال, en: Question }
actors:
  - { id: iran, type: state, name: { ar: إيران, en: Iran }, cite: ${cite} }
  - { id: us, type: state, name: { ar: أمريكا, en: United States }, cite: ${cite} }
`;

/** Writes the toy case (optionally with other model/scenario files) and returns its folder. */
export function writeToyCase(files: { model?: string; scenarios?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-sim-'));
  writeFileSync(join(dir, 'case.yaml'), CASE);
  writeFileSync(join(dir, 'model.yaml'), files.model ?? TOY_MODEL);
  writeFileSync(join(dir, 'scenarios.yaml'), files.scenarios ?? TOY_SCENARIOS);
  return dir;
}

/** Runs `marsad <args>` with the simulate and model commands in process; errors are thrown. */
export async function runCli(args: string[], options: { tty?: boolean } = {}) {
  const io = { ...memoryIo(), isTTY: options.tty ?? false };
  io.out = (text: string) => void (io.stdout += text);
  io.err = (text: string) => void (io.stderr += text);
  const program = new Command().name('marsad').option('--case <dir>').exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerSimulate(program, io);
  registerModel(program, io);
  await program.parseAsync(['node', 'marsad', ...args]);
  return io;
}
