/**
 * `marsad model [--metrics] [--loops] [--max-loops N] [--json]`: the causal model's structure
 * (degrees, centrality, driver/receiver/ordinary, density, complexity) and feedback loops.
 * `marsad model export --format csv|graphml|json [--out FILE]`: the case's model in another format.
 * `marsad model import FILE [--format csv|graphml|json] [--to yaml|json]`: reads a model file,
 * validates it and prints it as Marsad's model YAML (or JSON) on stdout; the analyst reviews it,
 * adds citations, and saves it into a case folder. Import never writes into the case itself.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, NotFoundError, TooLargeError } from '../../domain/errors.js';
import { MODEL_FORMAT_NAMES } from '../../domain/names.js';
import type { ModelFormatName } from '../../domain/simulation.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, table } from '../output.js';
import { parseFlags } from '../request.js';
import { writeOutputFile } from '../write-output.js';
import type { RegisterCommand } from './index.js';

const FORMAT_NAMES: readonly ModelFormatName[] = MODEL_FORMAT_NAMES;

function formatFlag(value: string | undefined): ModelFormatName | undefined {
  if (value === undefined) return undefined;
  if (!(FORMAT_NAMES as string[]).includes(value)) {
    throw new InputError(`unknown format "${value}" (expected ${FORMAT_NAMES.join(', ')})`);
  }
  return value as ModelFormatName;
}


async function show(opts: { metrics?: boolean; loops?: boolean; maxLoops?: string; json?: boolean }, cmd: Command, io: CliIo) {
  const { ModelRequest } = await import('../../domain/requests.js');
  const { describeModel } = await import('../../app/simulation.js');
  const both = !opts.metrics && !opts.loops;
  const req = parseFlags(ModelRequest, { metrics: true, loops: Boolean(opts.loops || both), maxLoops: opts.maxLoops });
  const model = await withWorkbench(cmd, io, (wb) => describeModel(wb, req));
  const metrics = model.metrics!;
  const loops = model.loops;
  if (opts.json) {
    printJson(io, {
      metrics: opts.metrics || both ? metrics : undefined,
      loops: loops,
    });
    return;
  }
  io.out(
    `${metrics.concepts} concepts, ${metrics.edges} edges (${metrics.positiveEdges} +, ${metrics.negativeEdges} −), density ${metrics.density.toFixed(4)}\n` +
      `${metrics.drivers} drivers, ${metrics.receivers} receivers, ${metrics.ordinary} ordinary, ${metrics.isolated} isolated; complexity ${metrics.complexity === null ? 'n/a' : metrics.complexity.toFixed(3)}\n`,
  );
  if (loops) {
    io.out(`${loops.loops.length} feedback loops (${loops.reinforcing} reinforcing, ${loops.balancing} balancing)${loops.truncated ? `, truncated (${loops.reason})` : ''}\n`);
  }
  if (opts.metrics) {
    io.out('\n');
    io.out(
      table(
        ['concept', 'kind', 'role', 'in', 'out', 'centrality'],
        metrics.perConcept.map((m) => [m.concept, m.kind, m.role, String(m.inDegree), String(m.outDegree), m.centrality.toFixed(3)]),
      ),
    );
  }
  if (opts.loops && loops) {
    io.out('\n');
    io.out(
      table(
        ['length', 'polarity', 'loop'],
        loops.loops.map((l) => [String(l.length), l.polarity, [...l.concepts, l.concepts[0]].join(' → ')]),
        200,
      ),
    );
  }
}

export const register: RegisterCommand = (program, io) => {
  const model = program
    .command('model')
    .description('the causal model: metrics, feedback loops, import and export')
    .option('--metrics', 'per-concept degrees, centrality and role')
    .option('--loops', 'feedback loops with polarity, shortest and most central first')
    .option('--max-loops <n>', 'stop listing loops after this many (default 1000)')
    .option('--json', 'print JSON')
    .action((opts, cmd: Command) => show(opts, cmd, io));

  model
    .command('export')
    .description('write the case model as Mental Modeler CSV, GraphML or JSON')
    .requiredOption('--format <format>', `one of ${FORMAT_NAMES.join(', ')}`)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const format = formatFlag(opts.format)!;
      const { exportModel } = await import('../../app/simulation.js');
      const { text } = await withWorkbench(cmd, io, (wb) => exportModel(wb, format));
      if (opts.out) {
        await writeOutputFile(resolve(io.cwd, opts.out), text);
        io.err(`wrote ${opts.out} (${format})\n`);
      } else {
        io.out(text);
      }
    });

  model
    .command('import')
    .description('read a model file (CSV, GraphML, JSON), validate it and print it as model YAML')
    .argument('<file>', 'the model file')
    .option('--format <format>', `one of ${FORMAT_NAMES.join(', ')} (default: from the extension)`)
    .option('--to <syntax>', 'print as yaml or json', 'yaml')
    .action(async (file: string, opts: { format?: string; to: string }) => {
      const { formatForFile, MODEL_FORMATS } = await import('../../model/index.js');
      const { MAX_IMPORT_BYTES } = await import('../../model/formats/imported.js');
      const { stringify } = await import('yaml');
      const format = formatFlag(opts.format) ?? formatForFile(file);
      if (!format) throw new InputError(`cannot tell the format of ${file}: give --format ${FORMAT_NAMES.join('|')}`, { file });
      if (opts.to !== 'yaml' && opts.to !== 'json') throw new InputError(`expected --to yaml or json, got "${opts.to}"`);
      const path = resolve(io.cwd, file);
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such file: ${file}`, { cause: error });
        throw new InputError(`cannot read ${file}: ${(error as Error).message}`, { file }, { cause: error });
      }
      if (bytes.length > MAX_IMPORT_BYTES) throw new TooLargeError(`model file is larger than ${MAX_IMPORT_BYTES} bytes`, { file });
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (text.includes('\ufffd')) throw new InputError('the file is not valid UTF-8', { file });
      const imported = MODEL_FORMATS[format].import(text, basename(file));
      for (const w of imported.warnings) io.err(`marsad: warning: ${w}\n`);
      const body = { concepts: imported.concepts, edges: imported.edges, stakes: imported.stakes };
      io.out(opts.to === 'json' ? `${JSON.stringify(body, null, 2)}\n` : stringify(body));
      io.err(`imported ${imported.concepts.length} concepts and ${imported.edges.length} edges from ${basename(file)}\n`);
    });
};
