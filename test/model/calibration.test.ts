/**
 * The calibrated engine on the built-in case (issue 14): the baseline stays off the walls of
 * tanh, every scenario's levers visibly move what they act on, the planned and the unplanned
 * exit differ where the sources say they do, and every edge's strength matches the modal words
 * of its quotes. Figures: `node scripts/scenario-deltas.js` (docs/model.md has the table).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase, type LoadedCase } from '../../src/case/load.js';
import { buildCausalMap, type CausalMap } from '../../src/model/causal-map.js';
import { conditionFindings } from '../../src/model/conditions.js';
import { modalityFindings } from '../../src/model/modality.js';
import { leverEffects } from '../../src/simulate/levers.js';
import { runScenario } from '../../src/simulate/scenario.js';

const CASE_DIR = resolve(import.meta.dirname, '../../cases/iraq-withdrawal');
let c: LoadedCase;
let map: CausalMap;
beforeAll(async () => {
  c = await loadCase(CASE_DIR);
  map = buildCausalMap(c.concepts, c.edges);
});
const scenario = (id: string) => c.scenarios.find((s) => s.id === id)!;

describe('the calibrated built-in model', () => {
  it('keeps fewer than one concept in ten beyond ±0.8 in the baseline', () => {
    const r = runScenario(map, { id: 'baseline' });
    const free = r.concepts.filter((k) => k.kind !== 'lever');
    const beyond = free.filter((k) => Math.abs(k.baseline) > 0.8);
    expect(beyond.length / free.length).toBeLessThan(0.1);
    expect(r.walls.baseline).toEqual(beyond.map((k) => k.concept));
  });

  // A lever moved by Δ must move its strongest direct effect by at least 0.1·Δ (0.1 for a full
  // move) and every direct effect the way its edge points, by at least 0.05·Δ. Each lever's
  // effect is its own: the scenario against the same scenario with that lever at its baseline
  // value, so two levers pushing one concept apart each show their push (leverEffects).
  const ids = ['status-quo', 'negotiated-transition', 'full-withdrawal', 'forced-withdrawal', 'harris-drawdown', 'trump-confrontation',
    'repositioning', 'militia-escalation', 'us-sanctions', 'gaza-de-escalation'];
  it('covers every scenario of the case', () => {
    expect(c.scenarios.map((s) => s.id).sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s: its levers move their direct effects visibly', (id) => {
    const effects = leverEffects(map, scenario(id));
    if (id === 'status-quo') {
      expect(effects).toEqual([]);
      return;
    }
    expect(effects.length).toBeGreaterThan(0);
    for (const lever of effects) {
      const moved = Math.abs(lever.to - lever.from);
      const strongest = Math.max(...lever.effects.map((e) => Math.abs(e.change)));
      expect(strongest, `${lever.lever} (moved by ${moved})`).toBeGreaterThanOrEqual(0.1 * moved);
      for (const e of lever.effects) {
        const label = `${lever.lever} → ${e.concept}`;
        expect(Math.sign(e.change), label).toBe(Math.sign(e.weight) * Math.sign(lever.to - lever.from));
        expect(Math.abs(e.change), label).toBeGreaterThanOrEqual(0.05 * moved);
      }
    }
  });

  it('militia-escalation moves attacks by more than 0.1 (0.04 before calibration)', () => {
    const r = runScenario(map, scenario('militia-escalation'));
    expect(r.concepts.find((k) => k.concept === 'militia-attacks')!.delta).toBeGreaterThan(0.1);
  });

  it('negotiated-transition lowers the pressure for exit, as two cited passages say talks do', () => {
    const r = runScenario(map, scenario('negotiated-transition'));
    expect(r.concepts.find((k) => k.concept === 'pressure-for-exit')!.delta).toBeLessThan(-0.1);
  });

  it('the unplanned exit rises after a full withdrawal and hardly moves after a negotiated one', () => {
    const delta = (id: string) => runScenario(map, scenario(id)).concepts.find((k) => k.concept === 'unplanned-exit')!.delta;
    expect(delta('full-withdrawal')).toBeGreaterThan(0.3);
    expect(Math.abs(delta('negotiated-transition'))).toBeLessThan(0.1);
  });

  it('the harms the study ties to an unplanned exit are smaller under the negotiated transition', () => {
    const full = runScenario(map, scenario('full-withdrawal'));
    const negotiated = runScenario(map, scenario('negotiated-transition'));
    const targets = [...new Set(c.edges.filter((e) => e.condition?.concept === 'unplanned-exit').map((e) => e.to))];
    expect(targets).toEqual(expect.arrayContaining(['sanctions-on-iraq', 'iranian-influence-iraq', 'militia-dominance', 'iraq-security']));
    for (const t of targets) {
      const f = full.concepts.find((k) => k.concept === t)!.delta;
      const n = negotiated.concepts.find((k) => k.concept === t)!.delta;
      // in the direction the full withdrawal moves it, the negotiated transition moves it less
      expect(n * Math.sign(f), t).toBeLessThan(f * Math.sign(f));
    }
  });

  it('every edge\'s strength matches the modal words of its quotes and the weight rubric', () => {
    expect(modalityFindings(c.edges).map((f) => `${f.from} → ${f.to}: ${f.message}`)).toEqual([]);
  });

  it('every conditional edge starts from its condition, and every edge out of unplanned-exit carries it', () => {
    expect(conditionFindings(c.edges)).toEqual([]);
    const out = c.edges.filter((e) => e.from === 'unplanned-exit');
    expect(out.length).toBeGreaterThanOrEqual(6);
    for (const e of out) expect(e.condition?.concept, `${e.from} → ${e.to}`).toBe('unplanned-exit');
  });

  it('marks the federal Iraq / Kurdistan Region framing as analyst knowledge with its outside reference', () => {
    for (const id of ['us-presence-federal-iraq', 'us-presence-kurdistan']) {
      const k = c.concepts.find((x) => x.id === id)!;
      expect(k.basis, id).toBe('analyst');
      expect(k.reference, id).toMatch(/\w{10}/);
    }
  });
});
