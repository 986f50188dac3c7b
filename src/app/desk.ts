/**
 * The evidence desk: extraction candidates of a stored document, and the analyst's decisions on
 * them. `documentCandidates` runs extraction on the stored text (publication date, case and
 * content hash as context), places each candidate in its passage and keeps the list so that an id
 * can be accepted later. `acceptCandidate` turns a candidate into a case item (or, for a
 * commitment's status, a new entry of its history) with the analyst's edits, through the same
 * validated, cited, recorded write as any other change; `rejectCandidate` remembers the "no";
 * `mergeCandidate` adds the candidate's passage to an existing item as a citation.
 */
import { createHash } from 'node:crypto';
import type { LoadedCase } from '../case/load.js';
import type { Citation } from '../domain/case.js';
import type { DocumentRecord } from '../domain/corpus.js';
import { dateValueOf } from '../domain/dates.js';
import { InputError, NotFoundError } from '../domain/errors.js';
import type { Candidate, CandidateDate } from '../domain/extract.js';
import type { AcceptRequest, CandidatesRequest, MergeRequest, RejectRequest } from '../domain/requests.js';
import type { CandidatesResponse, ChangeResponse, DecisionResponse, DeskCandidate } from '../domain/responses.js';
import type { ItemKind } from '../domain/working-copy.js';
import { extractDocument } from '../extract/index.js';
import { addItem, DEFAULT_AUTHOR, editItem } from './changes.js';
import type { Workbench } from './workbench.js';

/** A citation's quote is at most a short sentence (the case schema allows 400 characters). */
const MAX_QUOTE = 400;

async function storedDocument(wb: Workbench, idOrFile: string) {
  const store = await wb.store();
  const doc = await store.getDocument(idOrFile);
  if (!doc) throw new NotFoundError(`unknown document "${idOrFile}" (see marsad documents)`);
  return { store, doc };
}

/**
 * Runs extraction over a stored document (its publication date, the case and its content hash as
 * context) and keeps the candidates, so that their ids can be accepted later. What the desk
 * shows on demand and what an extraction job (jobs.ts) computes ahead are this one computation.
 */
export async function proposeCandidates(
  wb: Workbench,
  doc: DocumentRecord,
): Promise<{ candidates: Candidate[]; warnings: string[] }> {
  const store = await wb.store();
  const c = await wb.case();
  const state = await wb.caseState();
  const result = extractDocument(doc.text, { case: c, publishedDate: doc.published, file: doc.file, contentHash: doc.contentHash });
  await store.cases.saveCandidates(
    state.caseId,
    doc.id,
    result.candidates.map((k) => ({ id: k.id, kind: k.kind, data: k })),
  );
  return { candidates: result.candidates, warnings: result.warnings };
}

export async function documentCandidates(wb: Workbench, req: CandidatesRequest): Promise<CandidatesResponse> {
  const { store, doc } = await storedDocument(wb, req.doc);
  const state = await wb.caseState();
  const result = await proposeCandidates(wb, doc);
  const passages = await store.listPassages(doc.id);
  const decisions = new Map((await store.cases.decisions(state.caseId, doc.id)).map((d) => [d.candidate, d]));
  const place = (k: Candidate): DeskCandidate => ({
    ...k,
    document: { id: doc.id, file: doc.file },
    passage: passages.find((p) => p.start <= k.cite.start && k.cite.start < p.end)?.id ?? null,
    decision: decisions.get(k.id) ?? null,
  });
  const candidates: DeskCandidate[] = result.candidates.map(place).filter((k) => req.all || k.decision === null);
  if (req.all) {
    // An accepted candidate is no longer proposed (the case holds it now): shown from what was kept.
    const shown = new Set(candidates.map((k) => k.id));
    for (const id of decisions.keys()) {
      if (shown.has(id)) continue;
      const kept = await store.cases.candidate(state.caseId, id);
      if (kept) candidates.push(place(kept.data as Candidate));
    }
  }
  const { path: _path, text: _text, ...info } = doc;
  return { document: info, candidates, warnings: result.warnings };
}

async function keptCandidate(wb: Workbench, id: string): Promise<{ candidate: Candidate; documentId: string; file: string }> {
  const state = await wb.caseState();
  const store = await wb.store();
  const kept = await store.cases.candidate(state.caseId, id);
  if (!kept) throw new NotFoundError(`unknown candidate "${id}": list the document's candidates first (marsad candidates DOC)`);
  const doc = await store.getDocument(kept.documentId);
  if (!doc) throw new NotFoundError(`the document of candidate "${id}" is no longer stored`);
  return { candidate: kept.data as Candidate, documentId: doc.id, file: doc.file };
}

/** The candidate's passage as a case citation (quote cut to a sentence's length). */
function citationOf(k: Candidate, file: string): Citation {
  const quote = k.cite.quote.trim();
  return { doc: file, quote: quote.length > MAX_QUOTE ? quote.slice(0, MAX_QUOTE) : quote };
}

function dateOf(d: CandidateDate | undefined): string | { value: string; qualifier: NonNullable<CandidateDate['qualifier']> } | undefined {
  if (!d) return undefined;
  return d.qualifier ? { value: d.value, qualifier: d.qualifier } : d.value;
}

/** An id for a new item: kebab-case ASCII, from its words when they are Latin, and a short hash. */
function newId(prefix: string, words: string, seed: string): string {
  const latin = words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
  const tag = createHash('sha256').update(seed).digest('hex').slice(0, 6);
  return latin ? `${latin}-${tag}` : `${prefix}-${tag}`;
}

const both = (text: string) => ({ ar: text, en: text });

/** What accepting the candidate writes: a new item of a section, or a commitment's new status entry. */
export function proposedItem(
  k: Candidate,
  file: string,
  c: LoadedCase,
  published: string | null,
): { kind: Exclude<ItemKind, 'meta'>; item: Record<string, unknown> } | { commitment: string; entry: Record<string, unknown> } {
  const cite = [citationOf(k, file)];
  switch (k.kind) {
    case 'event':
      return {
        kind: 'events',
        item: {
          id: newId('event', `${dateValueOf(k.fields.date.value)} ${k.fields.title}`, k.id),
          date: dateOf(k.fields.date),
          type: k.fields.type,
          title: both(k.fields.title),
          actors: k.fields.actors,
          places: k.fields.places,
          cite,
        },
      };
    case 'actor': {
      const role = [k.fields.rank, k.fields.title, k.fields.organisation?.name].filter(Boolean).join(' ');
      return {
        kind: 'actors',
        item: {
          id: newId('actor', k.fields.name, k.id),
          type: k.fields.type,
          name: both(k.fields.name),
          aliases: [],
          ...(role ? { description: both(role) } : {}),
          ...(k.fields.organisation?.actor ? { relations: [{ type: 'member-of', target: k.fields.organisation.actor, cite }] } : {}),
          cite,
        },
      };
    }
    case 'figure': {
      const quantity = k.fields.quantity ?? '';
      const unit = k.fields.unit ?? c.quantities.find((q) => q.id === quantity)?.unit ?? '';
      return {
        kind: 'claims',
        item: {
          id: newId('claim', `${quantity} ${k.fields.text}`, k.id),
          quantity,
          value: k.fields.value,
          qualifier: k.fields.qualifier,
          unit,
          reported_by: k.fields.reported_by?.actor ? [k.fields.reported_by.actor] : [],
          ...(k.fields.places[0] ? { place: k.fields.places[0] } : {}),
          ...(k.fields.stated ? { stated: dateOf(k.fields.stated) } : published ? { stated: published } : {}),
          cite,
        },
      };
    }
    case 'stance':
    case 'quote': {
      const f = k.kind === 'stance' ? k.fields : undefined;
      const speaker = k.kind === 'stance' ? k.fields.speaker : k.fields.speaker;
      const text = k.kind === 'stance' ? k.fields.quote : k.fields.text;
      const date = dateOf(k.fields.date) ?? published ?? undefined;
      return {
        kind: 'stances',
        item: {
          id: newId('stance', `${f?.actor ?? speaker.actor ?? ''} ${text}`, k.id),
          actor: f?.actor ?? speaker.actor ?? '',
          issue: f?.issue ?? '',
          position: f?.position ?? 'ambiguous',
          ...(date ? { date } : {}),
          summary: both(text.length > 300 ? `${text.slice(0, 299)}…` : text),
          quote: text.length > MAX_QUOTE ? text.slice(0, MAX_QUOTE) : text,
          ...(f ? { voice: f.voice } : {}),
          ...(f?.attributed_by?.actor ? { attributed_by: f.attributed_by.actor } : {}),
          cite,
        },
      };
    }
    case 'commitment-status':
      return {
        commitment: k.fields.commitment,
        entry: { date: dateOf(k.fields.date), score: k.fields.score, note: both(k.fields.note), cite },
      };
  }
}

/** Sets `value` at a dotted path of a copy of `item`. */
function withField(item: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = structuredClone(item);
  const keys = path.split('.');
  let node: Record<string, unknown> = out;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === null) delete node[keys[keys.length - 1]!];
  else node[keys[keys.length - 1]!] = value;
  return out;
}

export async function acceptCandidate(wb: Workbench, req: AcceptRequest): Promise<ChangeResponse> {
  const { candidate, documentId, file } = await keptCandidate(wb, req.id);
  const store = await wb.store();
  const doc = (await store.getDocument(documentId))!;
  const c = await wb.case();
  const proposal = proposedItem(candidate, file, c, doc.published);
  const decision = (kind: ItemKind, item: string) => ({
    candidate: candidate.id,
    document: documentId,
    decision: 'accepted' as const,
    kind,
    item,
    reason: req.reason ?? null,
  });
  const reason = req.reason ?? `accepted candidate ${candidate.id} (${candidate.kind}) from ${file}`;
  if ('commitment' in proposal) {
    let entry = proposal.entry;
    for (const [path, value] of Object.entries(req.set)) entry = withField(entry, path, value);
    const commitment = c.commitments.find((m) => m.id === proposal.commitment);
    if (!commitment) throw new InputError(`the candidate names commitment "${proposal.commitment}", which the case does not hold`, { field: 'set.commitment' });
    return editItem(
      wb,
      { kind: 'commitments', id: commitment.id, set: { history: [...commitment.history, entry] }, reason, author: req.author ?? DEFAULT_AUTHOR },
      { candidate: candidate.id, decision: decision('commitments', commitment.id) },
    );
  }
  let item = proposal.item;
  for (const [path, value] of Object.entries(req.set)) item = withField(item, path, value);
  return addItem(
    wb,
    { kind: proposal.kind, item, reason, author: req.author ?? DEFAULT_AUTHOR },
    { candidate: candidate.id, decision: decision(proposal.kind, String(item.id ?? '')) },
  );
}

export async function rejectCandidate(wb: Workbench, req: RejectRequest): Promise<DecisionResponse> {
  const { candidate, documentId } = await keptCandidate(wb, req.id);
  const state = await wb.caseState();
  const decision = {
    candidate: candidate.id,
    caseId: state.caseId,
    document: documentId,
    decision: 'rejected' as const,
    kind: null,
    item: null,
    reason: req.reason ?? null,
    at: wb.clock().toISOString(),
    author: req.author ?? DEFAULT_AUTHOR,
  };
  await (await wb.store()).cases.decide(decision);
  return { decision };
}

/** Adds the candidate's passage to an existing item's citations. */
export async function mergeCandidate(wb: Workbench, req: MergeRequest): Promise<ChangeResponse> {
  const { candidate, documentId, file } = await keptCandidate(wb, req.id);
  if (req.into.kind === 'meta') throw new InputError('a candidate cannot be merged into the case metadata', { field: 'into.kind' });
  const c = await wb.case();
  const items = c[req.into.kind] as Array<Record<string, unknown>>;
  const target = items.find((x) => x.id === req.into.id || `${String(x.from)}>${String(x.to)}` === req.into.id || x.actor === req.into.id);
  if (!target) throw new NotFoundError(`no ${req.into.kind} "${req.into.id}" in the case`);
  const cite = Array.isArray(target.cite) ? (target.cite as Citation[]) : [];
  const added = citationOf(candidate, file);
  if (cite.some((x) => x.doc === added.doc && x.quote === added.quote)) throw new InputError('the item already cites this passage', { field: 'into' });
  return editItem(
    wb,
    {
      kind: req.into.kind,
      id: req.into.id,
      set: { cite: [...cite, added] },
      reason: req.reason ?? `merged candidate ${candidate.id} from ${file}`,
      author: req.author ?? DEFAULT_AUTHOR,
    },
    {
      candidate: candidate.id,
      decision: { candidate: candidate.id, document: documentId, decision: 'merged', kind: req.into.kind, item: req.into.id, reason: req.reason ?? null },
    },
  );
}
