/**
 * Tracking and scoring in the application layer, over the embedded store and the built-in case
 * with the outcome reports of test/fixtures/outcomes: status entries, observations, forecasts
 * and outcomes go through the history; listings answer "as of" a date with the case rewound;
 * the back-test from 31 October 2024 scores what the case held then against what was recorded
 * after, with Brier values checked by hand.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../src/app/index.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { InputError } from '../../src/domain/errors.js';
import { CommitmentUpdateRequest, ForecastRequest, ObserveRequest, ResolveRequest } from '../../src/domain/requests.js';
import { calibration } from '../../src/app/tracking.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir, repoRoot } from '../support/paths.js';

let store: Store;
let wb: ops.Workbench;
const outcomes = join(repoRoot, 'test', 'fixtures', 'outcomes');
const BASES = 'outcome-02-federal-bases.txt';
const UNAMI = 'outcome-03-unami.txt';

beforeAll(async () => {
  store = await openStore({ memory: true });
  wb = ops.openWorkbench({ caseDir: builtInCaseDir(), store, clock: () => new Date('2026-12-06T12:00:00Z') });
  await ops.ingest(wb, { paths: [corpusDir(), outcomes] });
  const update = (id: string, status: number, date: string, cite: string) => ops.updateCommitment(wb, CommitmentUpdateRequest.parse({ id, status, date, cite }));
  await update('coalition-mission-end-federal-iraq', 3, '2026-01-17', `${BASES}::The last US troops left Ain al-Asad on 17 January 2026`);
  await update('coalition-relocation-to-kurdistan', 3, '2025-11-26', `${BASES}::all of its forces were now in the Kurdistan Region`);
  await update('unami-mission-end', 3, '2025-12-31', `${UNAMI}::UNAMI's mandate ended on 31 December 2025`);
  await ops.resolveTarget(wb, ResolveRequest.parse({ target: 'hypothesis:repositioning', outcome: 'true', date: '2025-11-26', cite: `${BASES}::US forces remain at Harir air base in Erbil` }));
  await ops.resolveTarget(wb, ResolveRequest.parse({ target: 'hypothesis:forced-withdrawal', outcome: 'false', date: '2026-01-17', cite: `${BASES}::no exit under fire took place` }));
});

afterAll(async () => {
  await wb?.close();
  await store?.close();
});

describe('tracking the built-in case', () => {
  it('updateCommitment: the status entry is in the commitment’s history and in the change log, with its passage', async () => {
    const c = await wb.case();
    const m = c.commitments.find((x) => x.id === 'unami-mission-end')!;
    expect(m.history[m.history.length - 1]).toMatchObject({ date: '2025-12-31', score: 3, cite: [{ doc: UNAMI }] });
    const log = await ops.history(wb, { item: 'unami-mission-end', limit: 5 });
    expect(log.items[0]).toMatchObject({ action: 'edit', kind: 'commitments', cite: [{ doc: UNAMI }] });
  });

  it('listCommitments: completed late, on time and overdue today, each with its days', async () => {
    const { items, asOf } = await ops.listCommitments(wb, {});
    expect(asOf).toBe('2026-12-06');
    const by = new Map(items.map((m) => [m.id, m]));
    expect(by.get('coalition-mission-end-federal-iraq')).toMatchObject({ timeliness: 'completed_late', daysLate: 109 });
    expect(by.get('coalition-relocation-to-kurdistan')).toMatchObject({ timeliness: 'completed_late', daysLate: 57 });
    expect(by.get('unami-mission-end')).toMatchObject({ timeliness: 'completed_on_time', daysLate: null });
    // due September 2026 and never reported done: overdue by the 67 days from 30 September to 6 December
    expect(by.get('coalition-syria-mission-until-2026-09')).toMatchObject({ timeliness: 'overdue', daysLate: 67 });
    expect(items[0]!.timeliness).toBe('overdue');
  });

  it('listCommitments as of 31 October 2024: the later reports are not yet known, nothing is late yet', async () => {
    const { items, asOf } = await ops.listCommitments(wb, { asOf: '2024-10-31' });
    expect(asOf).toBe('2024-10-31');
    const m = items.find((x) => x.id === 'coalition-mission-end-federal-iraq')!;
    expect(m).toMatchObject({ timeliness: 'not_yet_due', daysLeft: 334 });
    expect(m.history.every((h) => !h.cite?.some((c) => c.doc === BASES))).toBe(true);
    expect(items.filter((x) => x.timeliness === 'overdue')).toEqual([]);
  });

  it('overview: leads with what is overdue, and its latest events have all begun by its date', async () => {
    const o = await ops.overview(wb, { asOf: '2025-10-15' });
    expect(o.overdue.map((m) => m.id)).toEqual(['coalition-mission-end-federal-iraq', 'coalition-relocation-to-kurdistan']);
    expect(o.overdue[0]!.daysLate).toBe(15);
    for (const e of o.latestEvents) expect(e.type).not.toBe('deadline');
  });

  it('observeIndicator: refuses an indicator with no observable definition, and triggers one that has it', async () => {
    await expect(ops.observeIndicator(wb, ObserveRequest.parse({ indicator: 'isis-activity', date: '2025-01', value: 1, cite: `${UNAMI}::UNAMI's mandate ended on 31 December 2025` }))).rejects.toBeInstanceOf(InputError);
    await ops.observeIndicator(wb, ObserveRequest.parse({ indicator: 'unami-drawdown', date: '2025-12-31', value: 'yes', cite: `${UNAMI}::UNAMI's mandate ended on 31 December 2025` }));
    const now = await ops.listIndicators(wb, {});
    expect(now.items.find((i) => i.id === 'unami-drawdown')).toMatchObject({ state: 'triggered', since: '2025-12-31' });
    const before = await ops.listIndicators(wb, { asOf: '2025-06' });
    expect(before.items.find((i) => i.id === 'unami-drawdown')!.state).toBe('not_triggered');
  });

  it('recordForecast: a plain id held by both a scenario and a hypothesis is refused, naming both ways to write it', async () => {
    await expect(ops.recordForecast(wb, ForecastRequest.parse({ target: 'repositioning', p: 0.5, date: '2025-01-01' }))).rejects.toThrow(/scenario:repositioning or hypothesis:repositioning/);
  });

  it('backtest from 2024-10-31: ACH shares of the rewound case scored against the outcomes recorded after, Brier by hand', async () => {
    const r = await ops.backtest(wb, { asOf: '2024-10-31' });
    const then = await ops.caseAt(wb, '2024-10-31');
    const shares = ops.achShares(then.case);
    const p = shares.get('repositioning')!;
    const q = shares.get('forced-withdrawal')!;
    const row = (id: string) => r.forecasts.find((f) => f.kind === 'hypothesis' && f.id === id)!;
    expect(row('repositioning')).toMatchObject({ source: 'ach', observed: true, resolved: '2025-11-26' });
    expect(row('repositioning').brier).toBeCloseTo((1 - p) ** 2, 4);
    expect(row('forced-withdrawal').brier).toBeCloseTo(q ** 2, 4);
    expect(r.scores.resolved).toBe(2);
    expect(r.scores.brier).toBeCloseTo(((1 - p) ** 2 + q ** 2) / 2, 4);
    expect(r.scores.log).toBeCloseTo((Math.log(p) + Math.log(1 - q)) / 2, 4);
    const m = r.commitments.find((x) => x.id === 'coalition-mission-end-federal-iraq')!;
    expect(m).toMatchObject({ then: 'not_yet_due', now: 'completed_late', timingError: 109 });
    expect(r.scores).toMatchObject({ onTime: 1, late: 2, missed: 1 });
  });

  it('calibration: scored forecasts in bands of predicted probability, with the share that came true', () => {
    expect(calibration([{ p: 0.1, o: false }, { p: 0.15, o: true }, { p: 0.9, o: true }, { p: 1, o: true }])).toEqual([
      { from: 0, to: 0.2, n: 2, meanP: 0.125, observed: 0.5 },
      { from: 0.8, to: 1, n: 2, meanP: 0.95, observed: 1 },
    ]);
  });

  it('probabilities: on every day the ACH shares change, the share the rewound case gives, summing to 1', async () => {
    const r = await ops.probabilities(wb, {});
    expect(r.until).toBe('2026-12-06');
    const hyps = r.series.filter((x) => x.kind === 'hypothesis');
    expect(hyps.length).toBeGreaterThan(1);
    const days = [...new Set(hyps.flatMap((x) => x.points.map((p) => p.date)))].sort();
    expect(days.length).toBeGreaterThan(2);
    const heldOn = (x: (typeof hyps)[number], day: string) => x.points.filter((p) => p.date <= day).pop();
    for (const day of days) {
      // The value held on each day is the back-test's for that day, and the shares sum to 1.
      const rewound = await ops.backtest(wb, { asOf: day });
      for (const x of hyps) {
        const row = rewound.forecasts.find((f) => f.kind === 'hypothesis' && f.id === x.id)!;
        expect(heldOn(x, day)?.p, `${x.id} on ${day}`).toBeCloseTo(row.predicted!, 4);
      }
      expect(hyps.reduce((sum, x) => sum + (heldOn(x, day)?.p ?? 0), 0)).toBeCloseTo(1, 3);
    }
    // Between two of those days nothing moves: the day before each change holds the earlier value.
    const second = days[1]!;
    const before = new Date(Date.parse(second) - 86_400_000).toISOString().slice(0, 10);
    const then = await ops.backtest(wb, { asOf: before });
    for (const x of hyps) {
      expect(then.forecasts.find((f) => f.kind === 'hypothesis' && f.id === x.id)!.predicted).toBeCloseTo(heldOn(x, before)!.p, 4);
    }
    // Outcomes recorded by the end are carried.
    expect(hyps.find((x) => x.id === 'repositioning')!.outcome).toEqual({ value: true, date: '2025-11-26' });
    // A window: starts on its first day with the share held then; refuses an end before its start.
    const window = await ops.probabilities(wb, { from: '2024-06-01', until: '2024-12-31' });
    expect(window.from).toBe('2024-06-01');
    expect(window.series.find((x) => x.id === 'repositioning' && x.kind === 'hypothesis')!.points[0]!.date).toBe('2024-06-01');
    await expect(ops.probabilities(wb, { from: '2025-01-01', until: '2024-01-01' })).rejects.toBeInstanceOf(InputError);
  });

  it('backtest: a forecast the analyst held by the date replaces the computed share', async () => {
    await ops.recordForecast(wb, ForecastRequest.parse({ target: 'hypothesis:forced-withdrawal', p: 0.2, date: '2024-10-01' }));
    const r = await ops.backtest(wb, { asOf: '2024-10-31' });
    const row = r.forecasts.find((f) => f.kind === 'hypothesis' && f.id === 'forced-withdrawal')!;
    expect(row).toMatchObject({ predicted: 0.2, source: 'analyst', forecastDate: '2024-10-01' });
    expect(row.brier).toBeCloseTo(0.04, 10);
    expect(row.log).toBeCloseTo(Math.log(0.8), 4);
    // The track takes the analyst's forecast from its day on.
    const track = await ops.probabilities(wb, { until: '2024-10-31' });
    const points = track.series.find((x) => x.kind === 'hypothesis' && x.id === 'forced-withdrawal')!.points;
    expect(points.find((p) => p.date === '2024-10-01')).toEqual({ date: '2024-10-01', p: 0.2, source: 'analyst' });
    expect(points[points.length - 1]!.source).toBe('analyst');
  });
});
