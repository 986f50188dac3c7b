/**
 * `marsad case …`: the case as a working copy.
 * - `case check [--json]`: validate the case folder and check every citation against the corpus
 *   (exit 2 on any problem; model warnings are printed but do not fail it).
 * - `case show KIND ID`, `case add KIND`, `case edit KIND ID --set F=V…`, `case retire KIND ID`,
 *   `case restore KIND ID`, `case revert SEQ`: read and change items; every change is recorded
 *   in the history (`marsad history`), validated like the case files, its citations resolved.
 * - `case export DIR` / `case import DIR`: the working copy as a case folder, and back.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeWhere, InputError } from '../../domain/errors.js';
import { ITEM_KINDS } from '../../domain/names.js';
import type { ChangeResponse } from '../../domain/responses.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson } from '../output.js';
import { asFlags, parseAssignments, parseCitations, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

const KINDS = ITEM_KINDS.join(', ');

/** The operations and request schemas, loaded when a subcommand runs (not for `--help`). */
async function load() {
  const [ops, requests] = await Promise.all([import('../../app/index.js'), import('../../domain/requests.js')]);
  return { ops, ...requests };
}
const collect = (v: string, all: string[]) => [...all, v];

interface ChangeFlags {
  reason?: string;
  cite: string[];
  author?: string;
  json?: boolean;
}

function author(flags: ChangeFlags, io: CliIo): string | undefined {
  return flags.author ?? io.env.MARSAD_AUTHOR ?? io.env.USER ?? undefined;
}

function printChange(io: CliIo, r: ChangeResponse, json?: boolean): void {
  if (json) return printJson(io, r);
  const c = r.change;
  io.out(`#${c.seq} ${c.action} ${c.kind} ${c.item} by ${c.author} (revision ${c.revision})${c.reason ? `: ${c.reason}` : ''}\n`);
}

function changeOptions(cmd: Command): Command {
  return cmd
    .option('--reason <text>', 'why: recorded in the history')
    .option('--cite <file::quote>', 'a passage the change rests on (repeatable): FILE::QUOTE', collect, [] as string[])
    .option('--author <name>', 'who makes the change (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change and the item as JSON');
}

const FIELDS = ['kind', 'id', 'item', 'set', 'reason', 'cite', 'author', 'seq'];

export const register: RegisterCommand = (program, io) => {
  const group = program.command('case').description('the case: check the folder, read and change items, export and import');

  group
    .command('check')
    .description('validate the case folder and check every citation against the corpus')
    .option('--json', 'print JSON: counts, problems and warnings')
    .action(async (opts: { json?: boolean }, cmd) => {
      const { checkCase } = await import('../../app/case-check.js');
      const { total, case: caseId, dir, counts, citations, problems, warnings } = await withWorkbench(cmd, io, (wb) => checkCase(wb));
      if (total > 0) io.exitCode = 2;
      if (opts.json) {
        return printJson(io, {
          ok: total === 0,
          total,
          case: caseId,
          dir,
          counts,
          citations,
          problems: problems.map((p) => ({ file: p.file, line: p.line, field: p.field, message: p.message })),
          warnings,
        });
      }
      if (counts) {
        io.out(`case ${caseId} (${dir})\n`);
        for (const [section, n] of Object.entries(counts)) if (n > 0) io.out(`  ${section.padEnd(12)} ${n}\n`);
      }
      if (citations) io.out(`citations: ${citations.total - citations.unresolved} of ${citations.total} resolve in the corpus\n`);
      for (const w of warnings) io.err(`warning: ${describeWhere(w)}${w.message}\n`);
      for (const p of problems) io.err(`${describeWhere(p)}${p.message}\n`);
      if (total > problems.length) io.err(`… and ${total - problems.length} more\n`);
      io.out(total === 0 ? 'ok\n' : `${total} problem${total === 1 ? '' : 's'}\n`);
    });

  group
    .command('show')
    .description('one item of the working copy as it is now, with its history')
    .argument('<kind>', `section: ${KINDS}`)
    .argument('<id>', 'the item id (FROM>TO for an edge, the actor for stakes)')
    .option('--json', 'print JSON')
    .action(async (kind: string, id: string, opts: { json?: boolean }, cmd: Command) => {
      const { ops, ItemRequest } = await load();
      const req = parseFlags(ItemRequest, { kind, id }, { kind: 'kind', id: 'id' });
      const r = await withWorkbench(cmd, io, (wb) => ops.getItem(wb, req));
      if (opts.json) return printJson(io, r);
      io.out(`${r.kind} ${r.id}${r.retired ? ' (retired)' : ''}, revision ${r.revision}\n`);
      io.out(`${JSON.stringify(r.item, null, 2)}\n`);
      for (const c of r.history) io.out(`#${c.seq} ${c.at} ${c.action} by ${c.author}${c.reason ? `: ${c.reason}` : ''}\n`);
    });

  changeOptions(
    group
      .command('add')
      .description('add an item (YAML from --file, or fields from --set); validated like the case files')
      .argument('<kind>', `section: ${KINDS}`)
      .option('--file <file>', 'a YAML file holding the item (a mapping), or - for standard input is not supported')
      .option('--set <field=value>', 'a field of the item (repeatable; values read as YAML)', collect, [] as string[]),
  ).action(async (kind: string, opts: ChangeFlags & { file?: string; set: string[] }, cmd: Command) => {
    const { ops, AddItemRequest } = await load();
    let item: Record<string, unknown> = {};
    if (opts.file) {
      const path = resolve(io.cwd, opts.file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read the item file: ${(error as Error).message}`, { file: opts.file }, { cause: error });
      }
      const { parseYamlSafely } = await import('../../corpus/yaml-safe.js');
      const value = parseYamlSafely(text, opts.file, { maxFileBytes: 1024 * 1024, what: 'item files are' }).value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError('expected a mapping (one item)', { file: opts.file });
      item = value as Record<string, unknown>;
    }
    for (const [path, value] of Object.entries(await parseAssignments(opts.set))) {
      if (path.includes('.')) throw new InputError(`--set of a nested field (${path}) on a new item: give the whole field`, { field: '--set' });
      item[path] = value;
    }
    const req = parseFlags(
      AddItemRequest,
      { kind, item, reason: opts.reason, cite: opts.cite.length ? parseCitations(opts.cite) : undefined, author: author(opts, io) },
      { kind: 'kind' },
    );
    printChange(io, await asFlags(FIELDS, () => withWorkbench(cmd, io, (wb) => ops.addItem(wb, req))), opts.json);
  });

  changeOptions(
    group
      .command('edit')
      .description('set fields of an item (dotted paths such as title.en; null removes a field)')
      .argument('<kind>', `section: ${KINDS}`)
      .argument('<id>', 'the item id')
      .option('--set <field=value>', 'a field to set (repeatable; values read as YAML)', collect, [] as string[]),
  ).action(async (kind: string, id: string, opts: ChangeFlags & { set: string[] }, cmd: Command) => {
    const { ops, EditItemRequest } = await load();
    const req = parseFlags(
      EditItemRequest,
      { kind, id, set: await parseAssignments(opts.set), reason: opts.reason, cite: opts.cite.length ? parseCitations(opts.cite) : undefined, author: author(opts, io) },
      { kind: 'kind', id: 'id' },
    );
    printChange(io, await asFlags(FIELDS, () => withWorkbench(cmd, io, (wb) => ops.editItem(wb, req))), opts.json);
  });

  for (const [name, op, description] of [
    ['retire', 'retireItem', 'retire an item (kept in the history; refused while other items refer to it)'],
    ['restore', 'restoreItem', 'restore a retired item'],
  ] as const) {
    group
      .command(name)
      .description(description)
      .argument('<kind>', `section: ${KINDS}`)
      .argument('<id>', 'the item id')
      .option('--reason <text>', 'why: recorded in the history')
      .option('--author <name>', 'who makes the change (default $MARSAD_AUTHOR, then $USER)')
      .option('--json', 'print the recorded change as JSON')
      .action(async (kind: string, id: string, opts: ChangeFlags, cmd: Command) => {
        const { ops, RetireItemRequest } = await load();
        const run = ops[op];
        const req = parseFlags(RetireItemRequest, { kind, id, reason: opts.reason, author: author(opts, io) }, { kind: 'kind', id: 'id' });
        printChange(io, await withWorkbench(cmd, io, (wb) => run(wb, req)), opts.json);
      });
  }

  group
    .command('revert')
    .description('revert one change of the history by recording its inverse')
    .argument('<seq>', 'the change number (see marsad history)')
    .option('--reason <text>', 'why: recorded in the history')
    .option('--author <name>', 'who makes the change (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change as JSON')
    .action(async (seq: string, opts: ChangeFlags, cmd: Command) => {
      const { ops, RevertRequest } = await load();
      const req = parseFlags(RevertRequest, { seq, reason: opts.reason, author: author(opts, io) }, { seq: 'seq' });
      printChange(io, await withWorkbench(cmd, io, (wb) => ops.revertChange(wb, req)), opts.json);
    });

  group
    .command('export')
    .description('write the working copy as a case folder (a new or empty folder) that loads back to the same state')
    .argument('<dir>', 'the folder to write')
    .option('--json', 'print what was written as JSON')
    .action(async (dir: string, opts: { json?: boolean }, cmd: Command) => {
      const { ops } = await load();
      const r = await withWorkbench(cmd, io, (wb) => ops.exportCaseFolder(wb, resolve(io.cwd, dir)));
      if (opts.json) return printJson(io, r);
      io.out(`exported ${r.items} items (revision ${r.revision}) to ${r.dir}: ${r.files.join(', ')}\n`);
    });

  group
    .command('import')
    .description("take a case folder's content into the working copy of the same case, as one recorded change")
    .argument('<dir>', 'the case folder')
    .option('--reason <text>', 'why: recorded in the history')
    .option('--author <name>', 'who makes the change (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the recorded change as JSON')
    .action(async (dir: string, opts: ChangeFlags, cmd: Command) => {
      const { ops } = await load();
      const r = await withWorkbench(cmd, io, (wb) => ops.importCaseFolder(wb, { dir: resolve(io.cwd, dir), reason: opts.reason, author: author(opts, io) }));
      if (opts.json) return printJson(io, r);
      io.out(`#${r.change.seq} import: ${JSON.stringify(r.change.after)}\n`);
    });
};
