/**
 * Monthly trajectories under a dated lever schedule.
 *
 * The trajectory starts from the baseline steady state (the world before the scenario). For
 * each month from `from` to `to`, the levers in force are the baseline levers, overridden by the
 * scenario's `levers` (in force from the first month), overridden in turn by every schedule step
 * dated in or before that month (a step dated 2025-09-30 takes effect in September 2025). The
 * map then runs a fixed number of update steps (`stepsPerMonth`, default 1) from the previous
 * month's state, and the state is recorded.
 *
 * Why a fixed number of steps rather than running to equilibrium each month: one update step
 * moves an effect one link along the map, so with one step a month a consequence three links
 * from a lever shows up three months after the lever moves. That keeps the lag structure of the
 * map visible; running to equilibrium each month would make every effect instantaneous.
 */
import { InputError } from '../domain/errors.js';
import { conceptIndex, type CausalMap, type ConceptKindName } from '../model/causal-map.js';
import {
  inferInto,
  kernelSettings,
  resolveSettings,
  stepInPlace,
  type InferenceSettings,
} from './infer.js';
import { normalizeMap } from './normalize.js';
import { baselineClamp, prepareScenario, type ScenarioInput } from './scenario.js';
import { checkSchedule, monthLabel, parseScheduleDate } from './schedule-check.js';

export interface ScheduleOptions extends Partial<InferenceSettings> {
  /** First month, YYYY-MM. Default: the month before the first schedule step. */
  from?: string;
  /** Last month, YYYY-MM. Default: 12 months after the last schedule step. */
  to?: string;
  /** Update steps per month, 1 … 100. Default 1 (one causal link per month). */
  stepsPerMonth?: number;
}

export const SCHEDULE_DEFAULTS = { stepsPerMonth: 1, monthsBefore: 1, monthsAfter: 12, maxMonths: 2412 } as const;

export interface Trajectory {
  scenario: string;
  from: string;
  to: string;
  stepsPerMonth: number;
  months: string[];
  /** Lever changes by month: the month and the levers set then. */
  changes: Array<{ month: string; levers: Record<string, number> }>;
  /** One series per concept, in model order; values[k] is the state at the end of months[k]. */
  series: Array<{ concept: string; kind: ConceptKindName; values: number[] }>;
}

export function runSchedule(authored: CausalMap, scenario: ScenarioInput, options: ScheduleOptions = {}): Trajectory {
  const settings = resolveSettings(options);
  const map = normalizeMap(authored, settings.normalize);
  const k = kernelSettings(settings);
  prepareScenario(map, scenario); // validates levers and schedule
  const schedule = scenario.schedule ?? [];
  const dates = checkSchedule(schedule, `scenarios.${scenario.id}.schedule`);
  const stepsPerMonth = options.stepsPerMonth ?? SCHEDULE_DEFAULTS.stepsPerMonth;
  if (!Number.isInteger(stepsPerMonth) || stepsPerMonth < 1 || stepsPerMonth > 100) {
    throw new InputError(`expected stepsPerMonth an integer in 1 … 100, got ${stepsPerMonth}`, { field: 'stepsPerMonth' });
  }
  let from: number;
  let to: number;
  if (options.from !== undefined) from = parseScheduleDate(options.from, 'from').monthIndex;
  else if (dates.length > 0) from = dates[0].monthIndex - SCHEDULE_DEFAULTS.monthsBefore;
  else throw new InputError(`scenario "${scenario.id}" has no schedule: give a start month`, { field: 'from' });
  if (options.to !== undefined) to = parseScheduleDate(options.to, 'to').monthIndex;
  else if (dates.length > 0) to = dates[dates.length - 1].monthIndex + SCHEDULE_DEFAULTS.monthsAfter;
  else throw new InputError(`scenario "${scenario.id}" has no schedule: give an end month`, { field: 'to' });
  if (to < from) throw new InputError(`end month ${monthLabel(to)} is before start month ${monthLabel(from)}`, { field: 'to' });
  if (to - from + 1 > SCHEDULE_DEFAULTS.maxMonths) {
    throw new InputError(`at most ${SCHEDULE_DEFAULTS.maxMonths} months`, { field: 'to' });
  }

  // Start: the baseline steady state.
  const base = baselineClamp(map);
  const state = new Float64Array(map.n);
  inferInto(map, map.inWeights, map.initial, base, k, state, new Int32Array(3));

  const mask = base.mask.slice();
  const values = base.values.slice();
  for (const [id, v] of Object.entries(scenario.levers ?? {})) {
    const i = conceptIndex(map, id, `scenarios.${scenario.id}.levers.${id}`);
    mask[i] = 1;
    values[i] = v;
  }
  const clamp = { mask, values };
  const months: string[] = [];
  const series = map.ids.map((concept, i) => ({ concept, kind: map.kinds[i], values: [] as number[] }));
  const changes: Trajectory['changes'] = [];
  let next = 0;
  for (let mi = from; mi <= to; mi++) {
    const applied: Record<string, number> = {};
    while (next < schedule.length && dates[next].monthIndex <= mi) {
      for (const [id, v] of Object.entries(schedule[next].levers)) {
        const i = conceptIndex(map, id, `scenarios.${scenario.id}.schedule[${next}].levers.${id}`);
        mask[i] = 1;
        values[i] = v;
        applied[id] = v;
      }
      next++;
    }
    if (Object.keys(applied).length > 0) changes.push({ month: monthLabel(mi), levers: applied });
    stepInPlace(map, map.inWeights, state, clamp, k, stepsPerMonth);
    months.push(monthLabel(mi));
    for (let i = 0; i < map.n; i++) series[i].values.push(state[i]);
  }
  return { scenario: scenario.id, from: monthLabel(from), to: monthLabel(to), stepsPerMonth, months, changes, series };
}
