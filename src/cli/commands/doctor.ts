/** `marsad doctor [--repair]`: check the store (files, manifest, rows) and repair what can be repaired. */
import { resolveContext } from '../context.js';
import { printJson } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('doctor')
    .description('check the store for damage (missing files, lost rows, documents without passages); --repair restores what it can')
    .option('--repair', 'rebuild indexes, restore lost passages from the source files or the stored text, rewrite the manifest')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { repair?: boolean; json?: boolean }, cmd) => {
      const { doctor } = await import('../../app/doctor.js');
      const ctx = resolveContext(cmd, io);
      const store = io.workbench
        ? await io.workbench.store()
        : ctx.databaseUrl
          ? { databaseUrl: ctx.databaseUrl }
          : { dataDir: ctx.dataDir };
      const report = await doctor({ store, repair: opts.repair });
      if (!report.ok) io.exitCode = 1;
      if (opts.json) return printJson(io, report);
      io.out(`${report.documents} documents, ${report.passages} passages\n`);
      for (const p of report.problems) io.out(`problem: ${p}\n`);
      for (const r of report.repairs) io.out(`repaired: ${r}\n`);
      for (const p of opts.repair ? report.remaining : []) io.out(`still wrong: ${p}\n`);
      if (report.ok) io.out(report.problems.length ? 'the store is sound again\n' : 'the store is sound\n');
      else if (!opts.repair) io.out('run marsad doctor --repair to repair what can be repaired\n');
    });
};
