/**
 * `marsad case check [--json]`: load and validate the case folder, check every citation's quote
 * against the corpus files, and print counts per section and every problem with file, line and
 * field. Exit 2 when there is any problem. Model warnings (an edge's strength against the modal
 * words of its quotes, conditional edges) are printed but do not fail the check.
 */
import { checkCase } from '../../app/index.js';
import { describeWhere } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import { printJson } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  const group = program.command('case').description('work with the case folder');
  group
    .command('check')
    .description('validate the case folder and check every citation against the corpus')
    .option('--json', 'print JSON: counts, problems and warnings')
    .action(async (opts: { json?: boolean }, cmd) => {
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
};
