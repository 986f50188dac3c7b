/**
 * The job queue's rules, on both stores: parts are claimed once each, oldest first; the parent
 * waits for its parts and is queued for the merge by the last one; a claim whose lease ran out is
 * taken over (the first worker can then neither report nor complete); the last allowed attempt
 * running out fails the part and its parent; cancel and retry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { freshSchema } from '../support/database.js';

const SHORT = 0.2; // seconds: a lease that runs out within the test
const LONG = 60;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stores: Array<[string, () => Promise<{ store: Store; drop(): Promise<void> }>]> = [
  ['PGlite', async () => ({ store: await openStore({ memory: true }), drop: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const db = await freshSchema('queue');
      return { store: await openStore({ databaseUrl: db.databaseUrl, schema: db.schema }), drop: () => db.drop() };
    },
  ],
];

describe.each(stores)('jobs queue on %s', (_name, open) => {
  let opened: { store: Store; drop(): Promise<void> } | undefined;
  const queue = async () => (opened ??= await open()).store.jobs;
  afterAll(async () => {
    await opened?.store.close();
    await opened?.drop();
  });

  const twoParts = (id: string, maxAttempts = 3) => ({
    id,
    kind: 'test',
    payload: { whole: id },
    total: 20,
    maxAttempts,
    parts: [
      { id: `${id}.1`, payload: { part: 1 }, total: 10 },
      { id: `${id}.2`, payload: { part: 2 }, total: 10 },
    ],
  });

  it('claim hands out each part once; the last part done queues the parent for its merge', async () => {
    const q = await queue();
    await q.enqueue(twoParts('a'));
    const first = await q.claim('w1', LONG);
    const second = await q.claim('w2', LONG);
    expect([first?.id, second?.id]).toEqual(['a.1', 'a.2']);
    expect(await q.claim('w3', LONG)).toBeNull();
    expect(await q.heartbeat('a.1', 'w1', 5, LONG)).toBe(true);
    expect((await q.get('a'))!.done).toBe(5);
    expect(await q.complete('a.2', 'w2', { sum: 2 })).toBe(true);
    expect(await q.claim('w3', LONG)).toBeNull();
    expect(await q.complete('a.1', 'w1', { sum: 1 })).toBe(true);
    const merge = await q.claim('w3', LONG);
    expect(merge?.id).toBe('a');
    expect((await q.parts('a')).map((p) => p.result)).toEqual([{ sum: 1 }, { sum: 2 }]);
    expect(await q.complete('a', 'w3', { sum: 3 })).toBe(true);
    const done = (await q.get('a'))!;
    expect([done.state, done.done, done.partsDone, done.result]).toEqual(['done', 20, 2, { sum: 3 }]);
    expect(done.workers).toEqual(['w1', 'w2', 'w3']);
  });

  it('claim takes over a part whose lease ran out; its first worker can no longer report or complete', async () => {
    const q = await queue();
    await q.enqueue(twoParts('b'));
    await q.claim('w1', SHORT);
    await q.claim('w2', LONG);
    await wait(SHORT * 1000 + 300);
    const again = await q.claim('w3', LONG);
    expect([again?.id, again?.attempts]).toEqual(['b.1', 2]);
    expect(await q.heartbeat('b.1', 'w1', 3, LONG)).toBe(false);
    expect(await q.complete('b.1', 'w1', { from: 'w1' })).toBe(false);
    expect(await q.complete('b.1', 'w3', { from: 'w3' })).toBe(true);
    expect((await q.parts('b'))[0]!.result).toEqual({ from: 'w3' });
    await q.cancel('b');
  });

  it('claim fails a part whose last attempt ran out, and its parent with it', async () => {
    const q = await queue();
    await q.enqueue(twoParts('c', 1));
    await q.claim('w1', SHORT);
    await wait(SHORT * 1000 + 300);
    const next = await q.claim('w2', LONG);
    expect(next?.id).not.toBe('c.1');
    const parent = (await q.get('c'))!;
    expect(parent.state).toBe('failed');
    expect(parent.error).toBe('part 1: its worker stopped before finishing (attempt 1 of 1)');
    expect((await q.parts('c')).map((p) => p.state)).toEqual(['failed', 'cancelled']);
  });

  it('cancel stops a job and its parts; retry queues only the unfinished parts again', async () => {
    const q = await queue();
    await q.enqueue(twoParts('d'));
    const first = await q.claim('w1', LONG);
    expect(first?.id).toBe('d.1');
    expect(await q.complete('d.1', 'w1', { ok: 1 })).toBe(true);
    await q.claim('w1', LONG);
    expect((await q.cancel('d'))!.state).toBe('cancelled');
    expect(await q.heartbeat('d.2', 'w1', 1, LONG)).toBe(false);
    expect((await q.parts('d')).map((p) => p.state)).toEqual(['done', 'cancelled']);
    expect((await q.retry('d'))!.state).toBe('waiting');
    expect((await q.parts('d')).map((p) => p.state)).toEqual(['done', 'queued']);
    expect((await q.claim('w2', LONG))?.id).toBe('d.2');
    expect(await q.list({ limit: 10, state: 'running' })).toEqual([expect.objectContaining({ id: 'd', partsDone: 1, partsRunning: 1 })]);
    expect(await q.cancel('no-such-job')).toBeNull();
  });
});
