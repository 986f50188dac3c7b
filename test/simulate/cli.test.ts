import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/domain/errors.js';
import { runCli, writeToyCase } from './toy-case.js';

const dir = writeToyCase();

describe('marsad simulate', () => {
  it('simulate --json prints outcomes, actors, winners, losers and convergence', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--json']);
    const out = JSON.parse(io.stdout);
    expect(out.scenario).toBe('withdraw');
    expect(out.convergence.baseline.status).toBe('fixed-point');
    expect(out.outcomes.map((o: { concept: string }) => o.concept)).toEqual(['chaos', 'trade']);
    const chaos = out.outcomes[0];
    expect(chaos.value - chaos.baseline).toBeCloseTo(chaos.delta, 5);
    expect(chaos.delta).toBeGreaterThan(0); // withdrawal fills the vacuum
    expect(out.winners.map((a: { actor: string }) => a.actor)).toEqual(['iran']);
    expect(out.losers.map((a: { actor: string }) => a.actor)).toEqual(['us']);
    expect(out.probabilities).toBeUndefined();
  });

  it('simulate --runs adds Monte Carlo probabilities, identical for 1 and 2 threads', async () => {
    const one = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '600', '--seed', '5', '--threads', '1', '--json']);
    const two = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '600', '--seed', '5', '--threads', '2', '--json']);
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout);
    expect(out.probabilities.runs).toBe(600);
    expect(out.probabilities.nonConverged).toBe(0);
    expect(out.probabilities.outcomes[0]).toMatchObject({ concept: 'chaos', rise: 1, fall: 0 });
    expect(one.stderr).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('simulate draws a progress bar on stderr when it is a terminal', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '600', '--threads', '1', '--json'], {
      tty: true,
    });
    expect(io.stderr).toMatch(/monte carlo \[.*\] 600\/600 runs/);
    expect(JSON.parse(io.stdout).probabilities.runs).toBe(600);
  });

  it('simulate gives a monthly trajectory for a scheduled scenario', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'phased', '--json']);
    const out = JSON.parse(io.stdout);
    expect(out.trajectory.from).toBe('2025-08');
    expect(out.trajectory.changes.map((c: { month: string }) => c.month)).toEqual(['2025-09', '2026-09']);
    expect(out.levers.presence).toBe(0);
  });

  it('simulate --from --to --steps-per-month sets the trajectory window', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'phased', '--from', '2025-01', '--to', '2025-12', '--steps-per-month', '2', '--json']);
    const out = JSON.parse(io.stdout);
    expect(out.trajectory.months).toHaveLength(12);
    expect(out.trajectory.stepsPerMonth).toBe(2);
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'phased', '--from', '2026-01', '--to', '2025-01'])).rejects.toThrow(/before start/);
  });

  it('simulate prints a readable table and the sensitivity ranking', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--sensitivity', 'chaos']);
    expect(io.stdout).toMatch(/winners: iran/);
    expect(io.stdout).toMatch(/sensitivity of chaos/);
    expect(io.stdout).toMatch(/presence → vacuum/);
  });

  it('simulate rejects an unknown scenario, bad --runs, rules and transfers', async () => {
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'nope'])).rejects.toThrow(NotFoundError);
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '0'])).rejects.toThrow(InputError);
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '1000001'])).rejects.toMatchObject({ field: '--runs' });
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', 'ten'])).rejects.toThrow(/expected a number, got "ten"/);
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--rule', 'x'])).rejects.toMatchObject({ field: '--rule' });
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--transfer', 'x'])).rejects.toThrow(InputError);
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--lambda', '-1'])).rejects.toMatchObject({ field: '--lambda' });
  });

  it('simulate --lever runs an unsaved scenario and names the concepts at the walls', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--lever', 'presence=0', '--json']);
    const out = JSON.parse(io.stdout);
    const saved = JSON.parse((await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--json'])).stdout);
    expect(out.scenario).toBe('custom');
    expect(out.title.en).toBe('Unsaved scenario');
    expect(out.levers).toEqual({ presence: 0 });
    expect(out.concepts).toEqual(saved.concepts); // same levers as the saved `withdraw`
    expect(out.walls).toEqual({ threshold: 0.8, baseline: [], scenario: [] });
    for (const k of out.concepts) expect(Object.keys(k)).toEqual(['concept', 'kind', 'baseline', 'value', 'delta']);
  });

  it('simulate --lever on top of --scenario overrides its schedule', async () => {
    const out = JSON.parse((await runCli(['--case', dir, 'simulate', '--scenario', 'phased', '--lever', 'presence=0.25', '--json'])).stdout);
    expect(out.scenario).toBe('phased+levers');
    expect(out.levers.presence).toBe(0.25);
  });

  it('simulate --lever rejects an unknown concept with a close id, and values outside [-1, 1]', async () => {
    await expect(runCli(['--case', dir, 'simulate', '--lever', 'presense=0'])).rejects.toThrow(/unknown concept "presense" \(did you mean "presence"\?\)/);
    await expect(runCli(['--case', dir, 'simulate', '--lever', 'presence=1.5'])).rejects.toThrow(InputError);
    await expect(runCli(['--case', dir, 'simulate', '--lever', 'presence'])).rejects.toThrow(/ID=VALUE/);
    await expect(runCli(['--case', dir, 'simulate'])).rejects.toMatchObject({ field: '--scenario', message: 'expected a scenario, or levers to set' });
  });

  it('simulate warns on stderr when concepts sit at the walls', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--lambda', '4', '--normalize', 'none']);
    // λ = 4 makes tanh steep: the baseline sits at −0.98, −1.00 and +0.96
    expect(io.stderr).toMatch(/warning: 3 concepts at the walls \(\|x\| ≥ 0.8\) in the baseline: vacuum, chaos, trade/);
    const out = JSON.parse((await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--lambda', '4', '--json'])).stdout);
    expect(out.walls).toEqual({ threshold: 0.8, baseline: ['vacuum', 'chaos', 'trade'], scenario: [] });
    await expect(runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--normalize', 'x'])).rejects.toMatchObject({ field: '--normalize' });
  });

  it('simulate --runs says how robust each conclusion is, and what it hangs on', async () => {
    const io = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '300', '--threads', '1', '--json']);
    const out = JSON.parse(io.stdout);
    const iran = out.robustness.find((x: { subject: string }) => x.subject === 'iran');
    expect(iran).toMatchObject({ kind: 'actor', claim: 'ahead', probability: 1 });
    expect(iran.hangsOn.length).toBeGreaterThan(0);
    expect(iran.sentence.en).toMatch(/^Iran comes out ahead in 100% of plausible weightings; it hangs mostly on «Presence → Vacuum»/);
    expect(iran.sentence.ar).toMatch(/^يخرج الطرف «إيران» رابحًا في 100% من الأوزان المعقولة/);
    const text = await runCli(['--case', dir, 'simulate', '--scenario', 'withdraw', '--runs', '300', '--threads', '1']);
    expect(text.stdout).toMatch(/robustness:\n- /);
  });

  it('simulate rejects an empty model', async () => {
    const empty = writeToyCase({ model: 'concepts: []\n', scenarios: 'scenarios: []\n' });
    await expect(runCli(['--case', empty, 'simulate', '--scenario', 'withdraw'])).rejects.toThrow(NotFoundError);
    const emptyWithScenario = writeToyCase({
      model: 'concepts: []\n',
      scenarios: 'scenarios:\n  - { id: s, title: { ar: x, en: x }, description: { ar: x, en: x }, cite: [{ doc: a.txt, quote: "a quote here" }] }\n',
    });
    await expect(runCli(['--case', emptyWithScenario, 'simulate', '--scenario', 's'])).rejects.toThrow(/no causal model/);
  });
});
