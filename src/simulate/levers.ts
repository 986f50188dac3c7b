/**
 * Lever settings as scenarios, and what each lever does in a scenario.
 *
 * - `parseLeverAssignment("id=0.5")` reads one `--lever` flag;
 * - `scenarioFromLevers(map, levers)` builds an unsaved scenario from lever settings, on top of
 *   a saved scenario when one is given (its levers and schedule first, then these);
 * - `leverEffects(map, scenario)` measures, for each lever the scenario moves away from its
 *   baseline value, how far it moves each of its direct effects (the concepts one edge away):
 *   the scenario's value minus the value of the same scenario with that one lever left at its
 *   baseline value. Measured this way, two levers pushing one concept in opposite directions
 *   (a pivot raising the pressure for exit while a timetable eases it) each show their own push.
 */
import { suggest } from '../case/references.js';
import { InputError } from '../domain/errors.js';
import type { CausalMap } from '../model/causal-map.js';
import type { InferenceSettings } from './infer.js';
import { prepareScenario, runScenario, type ScenarioInput } from './scenario.js';

/** Id of a scenario built from lever flags alone. */
export const CUSTOM_SCENARIO_ID = 'custom';

/** `ID=VALUE` → [id, value]; value a finite number in [−1, 1]. */
export function parseLeverAssignment(text: string, field = '--lever'): [string, number] {
  const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(text);
  if (!m) throw new InputError(`expected ${field} ID=VALUE, got "${text}"`, { field });
  const value = Number(m[2]);
  if (!Number.isFinite(value) || value < -1 || value > 1) {
    throw new InputError(`expected a lever value in [-1, 1] for ${m[1]}, got "${m[2]}"`, { field });
  }
  return [m[1], value];
}

/**
 * An unsaved scenario: `base` (a saved scenario, or nothing) with `levers` set on top. Every id
 * must be a concept of the map (an InputError names it, with a close id when there is one).
 */
export function scenarioFromLevers(
  map: Pick<CausalMap, 'index' | 'ids'>,
  levers: Iterable<readonly [string, number]> | Readonly<Record<string, number>>,
  base?: ScenarioInput,
): ScenarioInput {
  const entries = Symbol.iterator in levers ? [...(levers as Iterable<readonly [string, number]>)] : Object.entries(levers);
  const set: Record<string, number> = {};
  for (const [id, value] of entries) {
    if (!map.index.has(id)) throw new InputError(`unknown concept "${id}"${suggest(id, map.ids)}`, { field: 'levers' });
    if (!Number.isFinite(value) || value < -1 || value > 1) {
      throw new InputError(`expected a lever value in [-1, 1] for ${id}, got ${value}`, { field: 'levers' });
    }
    set[id] = value;
  }
  if (!base) return { id: CUSTOM_SCENARIO_ID, levers: set };
  // The base's schedule is applied before `levers`: fold its last values into the levers so the
  // flags win over it (a schedule step would otherwise override them).
  const folded: Record<string, number> = { ...(base.levers ?? {}) };
  for (const step of base.schedule ?? []) Object.assign(folded, step.levers);
  return { id: `${base.id}+levers`, levers: { ...folded, ...set } };
}

export interface LeverEffect {
  lever: string;
  /** The lever's baseline value and its value in the scenario. */
  from: number;
  to: number;
  /** One row per edge out of the lever. */
  effects: Array<{ concept: string; weight: number; change: number }>;
}

/** What each lever the scenario moves does to its direct effects (see the file comment). */
export function leverEffects(map: CausalMap, scenario: ScenarioInput, options: Partial<InferenceSettings> = {}): LeverEffect[] {
  const prepared = prepareScenario(map, scenario);
  const full = runScenario(map, scenario, options);
  const value = new Map(full.concepts.map((c) => [c.concept, c.value]));
  const out: LeverEffect[] = [];
  for (const [lever, to] of Object.entries(prepared.levers)) {
    const i = map.index.get(lever)!;
    // A clamped intermediate (not a lever in the baseline) is left free, not held, without it.
    const held = prepared.baseline.mask[i] === 1;
    const from = held ? prepared.baseline.values[i] : full.concepts[i].baseline;
    if (from === to) continue;
    const levers = { ...prepared.levers };
    if (held) levers[lever] = from;
    else delete levers[lever];
    const without = runScenario(map, { id: `${scenario.id}-without-${lever}`, levers }, options);
    const other = new Map(without.concepts.map((c) => [c.concept, c.value]));
    const effects: LeverEffect['effects'] = [];
    for (let p = map.outStarts[i]; p < map.outStarts[i + 1]; p++) {
      const concept = map.ids[map.outTargets[p]];
      effects.push({ concept, weight: map.outWeights[p], change: value.get(concept)! - other.get(concept)! });
    }
    out.push({ lever, from, to, effects });
  }
  return out;
}
