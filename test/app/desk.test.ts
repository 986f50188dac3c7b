/**
 * The evidence desk end to end in the application layer, over the embedded store: a news report
 * is added as a pasted page, its candidates are listed with stable ids and citations, one event
 * is accepted after an edit, a commitment update is accepted into the commitment's history, one
 * candidate is rejected (and not proposed again), one merged into an existing item; every change
 * is in the history and can be reverted; the derived views follow at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../src/app/index.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { AcceptRequest, CandidatesRequest, HistoryRequest } from '../../src/domain/requests.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir, repoRoot } from '../support/paths.js';

let store: Store;
let wb: ops.Workbench;
let docId: string;
let file: string;

beforeAll(async () => {
  store = await openStore({ memory: true });
  wb = ops.openWorkbench({ caseDir: builtInCaseDir(), store, clock: () => new Date('2026-03-01T12:00:00Z') });
  await ops.ingest(wb, { paths: [corpusDir()] });
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'news', 'heldout-a.txt'), 'utf8');
  const added = await ops.addDocument(wb, { text, meta: { outlet: 'Test outlet', published: '2026-02-13', reliability: 'medium' } });
  docId = added.document.id;
  file = added.document.file;
  expect(added.status).toBe('added');
});

afterAll(async () => {
  await wb?.close();
  await store?.close();
});

const candidates = async (all = false) => (await ops.documentCandidates(wb, CandidatesRequest.parse({ doc: docId, all }))).candidates;

describe('the evidence desk', () => {
  it('lists candidates of a stored document with stable ids, kinds, fields and passage citations', async () => {
    const first = await candidates();
    const again = await candidates();
    expect(first.map((k) => k.id)).toEqual(again.map((k) => k.id));
    expect(new Set(first.map((k) => k.kind))).toEqual(expect.objectContaining(new Set(['event', 'figure', 'actor'])));
    const doc = (await store.getDocument(docId))!;
    for (const k of first) {
      expect(k.id).toMatch(/^c-[0-9a-f]{16}$/);
      expect(doc.text.slice(k.cite.start, k.cite.end)).toBe(k.cite.quote);
      expect(k.passage).toMatch(new RegExp(`^${docId}:\\d+$`));
      expect(k.document).toEqual({ id: docId, file });
    }
  });

  it('accepts an event after editing it: the case holds it, cited to the passage, and the history says so', async () => {
    const event = (await candidates()).find((k) => k.kind === 'event')!;
    const r = await ops.acceptCandidate(wb, AcceptRequest.parse({ id: event.id, set: { 'title.en': 'An accepted event' }, reason: 'desk test' }));
    expect(r.change).toMatchObject({ action: 'add', kind: 'events', candidate: event.id, reason: 'desk test' });
    const c = await wb.case();
    const added = c.events.find((e) => e.id === r.change.item)!;
    expect(added.title.en).toBe('An accepted event');
    expect(added.cite).toEqual([{ doc: file, quote: event.cite.quote }]);
    const listed = await ops.listEvents(wb, {});
    expect(listed.items.map((e) => e.id)).toContain(added.id);
    expect((await candidates()).map((k) => k.id)).not.toContain(event.id);
    expect((await candidates(true)).find((k) => k.id === event.id)?.decision).toMatchObject({ decision: 'accepted', kind: 'events', item: added.id });
  });

  it('accepts a commitment update into the commitment status history', async () => {
    const update = (await candidates()).find((k) => k.kind === 'commitment-status')!;
    expect(update).toBeDefined();
    const commitment = update.kind === 'commitment-status' ? update.fields.commitment : '';
    const before = (await wb.case()).commitments.find((m) => m.id === commitment)!.history.length;
    await ops.acceptCandidate(wb, AcceptRequest.parse({ id: update.id }));
    const after = (await ops.listCommitments(wb)).items.find((m) => m.id === commitment)!;
    expect(after.history).toHaveLength(before + 1);
    expect(after.current.cite?.[0]?.doc).toBe(file);
  });

  it('a rejected candidate is remembered and not proposed again', async () => {
    const figure = (await candidates()).find((k) => k.kind === 'figure')!;
    await ops.rejectCandidate(wb, { id: figure.id, reason: 'duplicate of a known figure' });
    expect((await candidates()).map((k) => k.id)).not.toContain(figure.id);
  });

  it('merging adds the candidate passage to an existing item as a citation', async () => {
    const k = (await candidates()).find((x) => x.kind === 'figure' || x.kind === 'event')!;
    const target = (await wb.case()).events[0]!;
    const r = await ops.mergeCandidate(wb, { id: k.id, into: { kind: 'events', id: target.id } });
    expect(r.change.action).toBe('edit');
    expect((await wb.case()).events.find((e) => e.id === target.id)!.cite).toHaveLength(target.cite.length + 1);
  });

  it('every decision is in the history, and reverting an accepted event removes it from the case', async () => {
    const h = await ops.history(wb, HistoryRequest.parse({}));
    expect(h.items.filter((c) => c.candidate).length).toBeGreaterThanOrEqual(3);
    const added = h.items.find((c) => c.action === 'add' && c.kind === 'events')!;
    await ops.revertChange(wb, { seq: added.seq });
    expect((await wb.case()).events.map((e) => e.id)).not.toContain(added.item);
    expect((await ops.history(wb, HistoryRequest.parse({ item: added.item! }))).items.map((c) => c.action)).toEqual(['revert', 'add']);
  });

  it('a refused edit names the field: an unknown actor in an accepted event', async () => {
    const event = (await candidates()).find((k) => k.kind === 'event');
    expect(event, 'an event candidate left to accept').toBeDefined();
    await expect(ops.acceptCandidate(wb, AcceptRequest.parse({ id: event!.id, set: { actors: ['no-such-actor'] } }))).rejects.toThrow(/unknown actor "no-such-actor"/);
  });
});
