/**
 * `marsad claims [--quantity ID] [--json]`: every figure with its value, period, place, reporter
 * and documents. `--conflicts`: the computed disagreements between them (and between stances).
 */
import type { Claim } from '../../domain/case.js';
import type { ClaimSide } from '../../domain/case-analysis.js';
import { withWorkbench } from '../context.js';
import { count, dateText, docsOf, printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('claims')
    .description('list the figures the sources report; --conflicts shows where they disagree')
    .option('--quantity <id>', 'only figures about this quantity')
    .option('--conflicts', 'show computed conflicts between figures (and between stances) instead')
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON with citations')
    .action(async (opts: { quantity?: string; conflicts?: boolean; asOf?: string; json?: boolean }, cmd) => {
      const { ClaimsRequest } = await import('../../domain/requests.js');
      const { listClaims, listConflicts } = await import('../../app/case-queries.js');
      const req = parseFlags(ClaimsRequest, { quantity: opts.quantity, asOf: opts.asOf });
      if (opts.conflicts) {
        const found = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listConflicts(wb, req)));
        const claimConflicts = found.items;
        const stanceConflicts = found.stances;
        if (opts.json) return printJson(io, { claims: claimConflicts, stances: stanceConflicts });
        for (const x of claimConflicts) {
          const label =
            x.kind === 'conflict'
              ? `CONFLICT (${x.periods} periods)`
              : x.kind === 'discrepancy'
                ? `DIFFERENT FIGURES, compatible as qualified (${x.periods} periods)`
                : 'DIFFERENT PERIODS (may both hold)';
          io.out(`${label}: ${x.quantity}\n  ${side(x.a)}\n  ${side(x.b)}\n`);
        }
        for (const x of stanceConflicts) {
          io.out(`CONTRADICTORY ANSWERS: ${x.question}\n`);
          for (const group of x.answers) {
            io.out(`  "${group.answer}":\n`);
            for (const s of group.stances) io.out(`    ${s.actor} (${dateText(s.date)}, ${s.stance}) [${docsOf(s.cite)}]\n`);
          }
        }
        const kinds = (kind: string) => claimConflicts.filter((x) => x.kind === kind).length;
        io.out(
          `${kinds('conflict')} conflict(s) between figures, ${kinds('discrepancy')} compatible discrepancies, ` +
            `${kinds('different-periods')} across different periods, ${stanceConflicts.length} contested question(s)\n`,
        );
        return;
      }
      const { items: claims } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => listClaims(wb, req)));
      if (opts.json) return printJson(io, claims);
      io.out(
        table(
          ['id', 'quantity', 'value', 'period', 'place', 'reported by', 'docs'],
          claims.map((k) => [k.id, k.quantity, valueText(k), periodText(k.period), k.place ?? '', k.reported_by.join(' '), docsOf(k.cite)]),
        ),
      );
      io.out(`${count(claims.length, 'figure')}\n`);
    });
};

function valueText(k: Pick<Claim, 'value' | 'qualifier' | 'unit'>): string {
  const v = typeof k.value === 'number' ? String(k.value) : `${k.value.low}–${k.value.high}`;
  return `${k.qualifier === 'exact' ? '' : `${k.qualifier} `}${v} ${k.unit}`;
}

function periodText(p: Claim['period']): string {
  if (!p) return '';
  return `${dateText(p.from) || '…'} → ${dateText(p.to) || '…'}`;
}

function side(s: ClaimSide): string {
  return `${s.claim}: ${valueText(s)}, ${periodText(s.period) || 'no period'}${s.place ? `, ${s.place}` : ''}, by ${s.reported_by.join(', ')} [${s.docs.join(', ')}]`;
}
