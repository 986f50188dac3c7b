/**
 * Scenarios an analyst authors, in the application layer over the embedded store: an unsaved
 * scenario with levers, dated changes and an edge tried at another weight; the edge kept as a
 * recorded edit; the scenario saved as the analyst's (no citation needed), listed, run by id,
 * exported with the case and reloaded from the exported folder; the CLI's --edge and --step give
 * the API's numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../src/app/index.js';
import { exportCaseFolder } from '../../src/app/case-folder.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { loadCase } from '../../src/case/load.js';
import { main } from '../../src/cli/main.js';
import { NotFoundError } from '../../src/domain/errors.js';
import { SimulateRequest } from '../../src/domain/requests.js';
import { openStore, type Store } from '../../src/store/index.js';
import { memoryIo } from '../../src/cli/io.js';

let store: Store;
let wb: ops.Workbench;
const tmp = mkdtempSync(join(tmpdir(), 'marsad-author-'));

beforeAll(async () => {
  store = await openStore({ memory: true });
  wb = ops.openWorkbench({ caseDir: builtInCaseDir(), store });
});

afterAll(async () => {
  await wb?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const run = (body: unknown) => ops.simulate(wb, SimulateRequest.parse(body));

describe('a scenario of the analyst’s own', () => {
  it('an edge tried at another weight changes the run, not the case', async () => {
    const c = await wb.case();
    // An edge out of a lever a scenario sets: its effect must follow the trial weight.
    const scenario = c.scenarios.find((s) => Object.keys(s.levers).some((l) => c.edges.some((e) => e.from === l)))!;
    const edge = c.edges.find((e) => e.from in scenario.levers && e.to !== e.from)!;
    const before = await run({ scenario: scenario.id });
    const flipped = await run({ scenario: scenario.id, edges: [{ from: edge.from, to: edge.to, weight: -edge.weight }] });
    const delta = (r: typeof before, id: string) => r.concepts.find((k) => k.concept === id)!.delta;
    expect(Math.sign(delta(flipped, edge.to))).not.toBe(Math.sign(delta(before, edge.to)));
    expect((await wb.case()).edges.find((e) => e.from === edge.from && e.to === edge.to)!.weight).toBe(edge.weight);
  });

  it('an edge the model does not have is refused with the edges it has', async () => {
    const error = await run({ levers: { [(await wb.case()).concepts.find((k) => k.kind === 'lever')!.id]: 0.5 }, edges: [{ from: 'no-such', to: 'thing', weight: 0.5 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/unknown edge "no-such>thing"/);
  });

  it('dated changes alone make an unsaved scenario with a monthly trajectory', async () => {
    const lever = (await wb.case()).concepts.find((k) => k.kind === 'lever')!.id;
    const r = await run({ schedule: [{ date: '2026-09', levers: { [lever]: 0.8 } }, { date: '2026-03', levers: { [lever]: 0.3 } }] });
    expect(r.scenario).toBe('custom');
    expect(r.trajectory?.months.length).toBeGreaterThan(6);
    // Steps are applied in date order whatever order they came in.
    expect(r.trajectory!.months[0]! < '2026-03').toBe(true);
  });

  it('keeping a tried edge is a recorded edit of the edge', async () => {
    const edge = (await wb.case()).edges[3]!;
    const weight = edge.weight > 0 ? Math.max(-1, edge.weight - 0.2) : Math.min(1, edge.weight + 0.2);
    const range: [number, number] = [Math.min(edge.range[0], weight), Math.max(edge.range[1], weight)];
    const r = await ops.editItem(wb, { kind: 'edges', id: `${edge.from}>${edge.to}`, set: { weight, range }, reason: 'weight tried in the app' });
    expect(r.change).toMatchObject({ action: 'edit', kind: 'edges', item: `${edge.from}>${edge.to}` });
    expect((await wb.case()).edges.find((e) => e.from === edge.from && e.to === edge.to)!.weight).toBe(weight);
  });

  it('a saved scenario of the analyst needs no citation, runs by id, and travels with the exported case', async () => {
    const lever = (await wb.case()).concepts.find((k) => k.kind === 'lever')!.id;
    const item = {
      id: 'my-early-exit',
      title: { ar: 'خروج مبكر', en: 'Early exit' },
      description: { ar: 'تجربة', en: 'A trial' },
      levers: { [lever]: 0.9 },
      schedule: [],
      basis: 'analyst',
      note: { ar: 'لماذا', en: 'Why not' },
      cite: [],
    };
    await ops.addItem(wb, { kind: 'scenarios', item, reason: 'scenario authored in the app' });
    const listed = await ops.listScenarios(wb, {});
    expect(listed.items.find((s) => s.id === 'my-early-exit')).toMatchObject({ basis: 'analyst', cite: [] });
    const byId = await run({ scenario: 'my-early-exit' });
    const unsaved = await run({ levers: { [lever]: 0.9 } });
    expect(byId.outcomes).toEqual(unsaved.outcomes);
    // A scenario of the texts still needs its citation.
    await expect(ops.addItem(wb, { kind: 'scenarios', item: { ...item, id: 'uncited', basis: undefined } })).rejects.toThrow(/citation/);

    const out = join(tmp, 'exported');
    await exportCaseFolder(wb, out);
    const reloaded = await loadCase(out);
    expect(reloaded.scenarios.find((s) => s.id === 'my-early-exit')).toMatchObject({ basis: 'analyst', levers: { [lever]: 0.9 } });
    expect(readFileSync(join(out, 'model.yaml'), 'utf8').length).toBeGreaterThan(0);
  });
});

describe('the command line gives the same numbers', () => {
  it('simulate --edge and --step equal the request with edges and schedule', async () => {
    const c = await wb.case();
    const edge = c.edges.find((e) => c.concepts.find((k) => k.id === e.from)?.kind === 'lever')!;
    const lever = edge.from;
    const data = join(tmp, 'cli-data');
    const io = memoryIo({});
    const code = await main(
      ['node', 'marsad', '--data', data, 'simulate', '--lever', `${lever}=0.6`, '--edge', `${edge.from}>${edge.to}=0.1`, '--step', `2026-06:${lever}=0.2`, '--json'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const fresh = await openStore({ memory: true });
    const other = ops.openWorkbench({ caseDir: builtInCaseDir(), store: fresh });
    try {
      const api = await ops.simulate(other, SimulateRequest.parse({ levers: { [lever]: 0.6 }, edges: [{ from: edge.from, to: edge.to, weight: 0.1 }], schedule: [{ date: '2026-06', levers: { [lever]: 0.2 } }] }));
      expect(JSON.parse(io.stdout)).toEqual(JSON.parse(JSON.stringify(api)));
    } finally {
      await other.close();
      await fresh.close();
    }
  });

  it('a malformed --edge names the flag and the form it expects', async () => {
    const io = memoryIo({});
    const code = await main(['node', 'marsad', '--data', join(tmp, 'cli-data-2'), 'simulate', '--lever', 'x=0.1', '--edge', 'a-b=0.3'], io);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/--edge FROM>TO=WEIGHT/);
  });
});
