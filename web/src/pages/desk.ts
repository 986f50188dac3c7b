/**
 * The evidence desk: where news enters the case. A pasted report or an uploaded file (text,
 * Markdown, HTML, PDF, Word) becomes a stored document; `#/<lang>/desk/<doc>` lists what
 * extraction proposes from it — events, actors, figures, quotes, stances, a commitment's new
 * status — each with the sentence it rests on. The analyst corrects a proposal in place, then
 * accepts it (a cited, recorded change of the case that can be undone), rejects it (remembered)
 * or merges it into the item it repeats. Every write goes through the API's desk operations, the
 * same ones `marsad accept|reject|merge` call.
 */
import { forget, get, getFresh, post } from '../api.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, fmtDate, fmtNumber, fmtPercent, label, lang, t, type StringKey } from '../i18n.js';
import { docTitle, localPart } from '../lookup.js';
import { announce, errorNotice, unknownNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import { CANDIDATE_KIND_LABEL, CANDIDATE_KIND_ORDER } from '../candidate-kinds.js';
import { scoreText, VOCABULARY } from '../../../src/domain/vocabulary.js';
import type { ApiGetResponse, ApiPost } from '../api.js';

type DeskCandidate = ApiGetResponse<'documents/:doc/candidates'>['candidates'][number];
type ChangeResponse = ApiPost['candidates/accept']['response'];

const ACCEPTS = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_UPLOAD = 20 * 1024 * 1024;
/** Files above this go as a job (its progress shown, the proposals opened once stored); smaller ones are stored at once. */
const JOB_UPLOAD = 1024 * 1024;

export const deskPage: Page = async (root, ctx) => {
  const [docId] = ctx.route.args;
  const docs = await get('documents');
  add(root, h('h1', {}, t('desk')), h('p', { class: 'muted lead' }, t('deskIntro'), ' ', h('a', { href: href(lang(), 'history') }, t('history'))));
  if (!docId) {
    add(root, h('div', { class: 'two-col desk-start' }, documentList(docs.items, undefined), addForm()));
    return;
  }
  const doc = docs.items.find((d) => d.id === docId || d.file === docId);
  if (!doc) {
    add(root, unknownNotice('unknownDocument', docId, docs.items.map((d) => ({ href: href(lang(), 'desk', [d.id]), label: docTitle(d) }))));
    return;
  }
  const showAll = ctx.route.params.get('all') === '1';
  const [result, actors, claims, commitments] = await Promise.all([
    get('documents/:doc/candidates', { doc: doc.id, all: showAll ? 'true' : undefined }),
    get('actors'),
    get('claims'),
    get('commitments'),
  ]);
  const refs: CaseRefs = {
    actors: actors.items.map((a) => ({ id: a.id, label: bi(a.name) })),
    issues: actors.issues.map((i) => ({ id: i.id, label: bi(i.label) })),
    quantities: claims.quantities.map((q) => ({ id: q.id, label: bi(q.label) })),
    commitments: new Map(commitments.items.map((c) => [c.id, bi(c.title)])),
  };
  const board = h('div', { class: 'desk-board' });
  add(
    root,
    h(
      'div',
      { class: 'two-col reader-first' },
      documentList(docs.items, doc.id),
      h(
        'section',
        { class: 'desk-candidates', 'aria-labelledby': 'desk-doc-title' },
        h('h2', { id: 'desk-doc-title', dir: 'auto' }, docTitle(doc)),
        h(
          'p',
          { class: 'muted' },
          bdi(doc.file),
          doc.outlet ? ' · ' : '',
          doc.outlet ? bdi(localPart(doc.outlet)) : '',
          doc.published ? ` · ${fmtDate(doc.published)}` : '',
          ' · ',
          h('a', { href: href(lang(), 'sources', [doc.id]) }, t('openInReader')),
        ),
        h(
          'p',
          {},
          h('a', { href: href(lang(), 'desk', [doc.id], { all: showAll ? undefined : '1' }), id: 'desk-toggle-decided' }, t(showAll ? 'hideDecided' : 'showDecided')),
        ),
        result.warnings.length ? h('ul', { class: 'warnings' }, result.warnings.map((w) => h('li', { dir: 'auto' }, w))) : null,
        board,
      ),
    ),
  );
  if (!result.candidates.length) {
    add(board, h('p', { class: 'muted', id: 'desk-empty' }, t(showAll ? 'noCandidatesAtAll' : 'noCandidates')));
    return;
  }
  for (const kind of CANDIDATE_KIND_ORDER) {
    const ofKind = result.candidates.filter((k) => k.kind === kind);
    if (!ofKind.length) continue;
    add(
      board,
      h(
        'section',
        { class: 'candidate-group', 'data-kind': kind },
        h('h3', {}, `${t(CANDIDATE_KIND_LABEL[kind])} (${fmtNumber(ofKind.length)})`),
        ofKind.map((k) => candidateCard(k, refs, doc.id)),
      ),
    );
  }
};

function documentList(items: ApiGetResponse<'documents'>['items'], current: string | undefined): HTMLElement {
  return h(
    'nav',
    { class: 'doc-list card', 'aria-label': t('documents') },
    h('h2', {}, t('documents')),
    items.length === 0 ? h('p', { class: 'muted' }, t('noDocuments')) : null,
    h(
      'ul',
      { class: 'plain compact' },
      items.map((d) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: href(lang(), 'desk', [d.id]), class: d.id === current ? 'active' : '', 'aria-current': d.id === current ? 'true' : null },
            bdi(docTitle(d)),
            h('span', { class: 'muted doc-meta' }, d.published ? fmtDate(d.published) : '', d.outlet ? ' · ' : '', d.outlet ? bdi(localPart(d.outlet)) : ''),
          ),
        ),
      ),
    ),
    current ? h('p', {}, h('a', { href: href(lang(), 'desk') }, t('addDocument'))) : null,
  );
}

/** The paste/upload form: one of the two, with what the analyst knows of the document. */
function addForm(): HTMLElement {
  const field = (label: StringKey, control: HTMLElement, hint?: StringKey) =>
    h('label', { class: 'field' }, h('span', {}, t(label)), control, hint ? h('small', { class: 'muted' }, t(hint)) : null);
  const text = h('textarea', { name: 'text', rows: 10, dir: 'auto', id: 'desk-text' });
  const file = h('input', { type: 'file', name: 'file', accept: ACCEPTS, id: 'desk-file' });
  const status = h('div', { id: 'desk-add-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', id: 'desk-add' }, t('addDocument'));
  const form = h(
    'form',
    { class: 'card desk-add', id: 'desk-add-form' },
    h('h2', {}, t('addDocument')),
    field('pasteReport', text, 'pasteHint'),
    field('orUpload', file, 'uploadHint'),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'as_job', id: 'desk-as-job' }), ' ', t('uploadAsJob'), h('small', { class: 'muted' }, ' ', t('uploadAsJobHint'))),
    h(
      'fieldset',
      { class: 'desk-meta' },
      h('legend', {}, t('documentDetails')),
      field('docTitle', h('input', { name: 'title', dir: 'auto' })),
      field('outlet', h('input', { name: 'outlet', dir: 'auto' })),
      field('published', h('input', { name: 'published', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', dir: 'ltr' }), 'publishedHint'),
      field('author', h('input', { name: 'author', dir: 'auto' })),
      field('sourceUrl', h('input', { name: 'source_url', type: 'url', dir: 'ltr' })),
      field(
        'language',
        h('select', { name: 'language' }, h('option', { value: '' }, t('detectLanguage')), h('option', { value: 'ar' }, 'العربية'), h('option', { value: 'en' }, 'English')),
      ),
      field(
        'reliability',
        h(
          'select',
          { name: 'reliability' },
          h('option', { value: '' }, t('unknownReliability')),
          (['high', 'medium', 'low'] as const).map((r) => h('option', { value: r }, label(r))),
        ),
      ),
    ),
    button,
    status,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submitDocument(form, button, status);
  });
  return form;
}

async function submitDocument(form: HTMLFormElement, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  const data = new FormData(form);
  const text = String(data.get('text') ?? '');
  const upload = data.get('file');
  const file = upload instanceof File && upload.size > 0 ? upload : null;
  if (!file && !text.trim()) {
    set(status, h('p', { class: 'notice error' }, t('pasteOrUpload')));
    return;
  }
  if (file && text.trim()) {
    set(status, h('p', { class: 'notice error' }, t('pasteOrUploadNotBoth')));
    return;
  }
  if (file && file.size > MAX_UPLOAD) {
    set(status, h('p', { class: 'notice error' }, `${t('fileTooLarge')} (${fmtNumber(file.size / 1024 / 1024, 1)} MB)`));
    return;
  }
  const meta: Record<string, string> = {};
  for (const key of ['title', 'outlet', 'published', 'author', 'source_url', 'language', 'reliability']) {
    const v = String(data.get(key) ?? '').trim();
    if (v) meta[key] = v;
  }
  button.disabled = true;
  set(status, h('p', { class: 'loading' }, t('reading')));
  try {
    const body = (file ? { file: file.name, base64: await base64Of(file), meta } : { text, meta }) as ApiPost['documents/add']['body'];
    if (data.get('as_job') !== null || (file?.size ?? new Blob([text]).size) > JOB_UPLOAD) {
      // Stored, the page moves to the document's proposals; refused, the form keeps what was given.
      if (await uploadAsJob(body, status)) form.reset();
      return;
    }
    const added = await post('documents/add', body);
    forget();
    announce(t('documentAdded'));
    set(
      status,
      h(
        'div',
        { class: 'notice ok', id: 'desk-added' },
        h('p', {}, `${t(`added-${added.status}` as StringKey)}: `, bdi(docTitle(added.document)), ` — ${fmtNumber(added.passages)} ${t('passages')}`),
        added.warnings.length ? h('ul', { class: 'warnings' }, added.warnings.map((w) => h('li', { dir: 'auto' }, w))) : null,
        added.related.length
          ? h(
              'p',
              {},
              t('relatedDocuments'),
              ': ',
              added.related.map((r, i) => [i ? ', ' : '', h('a', { href: href(lang(), 'sources', [r.documentId]) }, bdi(r.file)), ` (${t(r.kind as StringKey)} ${fmtPercent(r.score)})`]),
            )
          : null,
        h('p', {}, h('a', { href: href(lang(), 'desk', [added.document.id]), id: 'desk-review' }, t('reviewCandidates'))),
      ),
    );
    form.reset();
  } catch (error) {
    set(status, errorNotice(error));
  } finally {
    button.disabled = false;
  }
}

/**
 * A large upload (or one the analyst asked for) as a job: its progress shown here, then the
 * desk's page of the stored document opened, or the reason it was refused.
 */
async function uploadAsJob(body: ApiPost['documents/upload-job']['body'], status: HTMLElement): Promise<boolean> {
  let job = await post('documents/upload-job', body);
  const bar = h('progress', { max: '1', value: '0', id: 'desk-job-progress', 'aria-label': t('progressAnnounce') });
  set(
    status,
    h(
      'div',
      { class: 'notice', id: 'desk-job', 'data-job': job.id },
      h('p', {}, t('uploadQueued')),
      bar,
      h('p', { class: 'muted' }, h('a', { href: href(lang(), 'jobs') }, t('allJobs'))),
    ),
  );
  announce(t('uploadQueued'));
  const page = location.hash;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    // The analyst went elsewhere: the job goes on, the Jobs page follows it.
    if (location.hash !== page) return true;
    job = await getFresh('jobs/:id', { id: job.id });
    bar.max = Math.max(1, job.total);
    bar.value = job.done;
  }
  const result = job.result && 'added' in job.result ? job.result : null;
  const stored = result ? [...result.added, ...result.updated, ...result.unchanged][0] : undefined;
  if (job.status !== 'done' || !stored) {
    const why = result?.rejected.map((r) => r.reason).join('; ') || job.error || t(job.status === 'cancelled' ? 'jobCancelled' : 'jobFailed');
    set(status, h('p', { class: 'notice error', id: 'desk-job-failed', dir: 'auto' }, why));
    return false;
  }
  forget();
  announce(t('documentAdded'));
  location.hash = href(lang(), 'desk', [stored.documentId]);
  return true;
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Ref { id: string; label: string }
interface CaseRefs { actors: Ref[]; issues: Ref[]; quantities: Ref[]; commitments: Map<string, string> }

/** One editable field of a proposal: where it goes in the item (`path`) and how to read it back. */
interface Editable {
  path: string;
  label: StringKey;
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  /** The value to send, or undefined when the analyst left the proposal as it was. */
  read(): unknown;
}

function textField(path: string, label: StringKey, value: string, asBilingual = false, ltr = false): Editable {
  const control = h('input', { value, dir: ltr ? 'ltr' : 'auto', name: path });
  return { path, label, control, read: () => (control.value.trim() === value ? undefined : asBilingual ? { ar: control.value.trim(), en: control.value.trim() } : control.value.trim()) };
}

function choiceField(path: string, label: StringKey, value: string, options: Ref[], allowEmpty = false): Editable {
  const known = options.some((o) => o.id === value);
  const control = h(
    'select',
    { name: path },
    allowEmpty || !known ? h('option', { value: '' }, value && !known ? value : '—') : null,
    options.map((o) => h('option', { value: o.id, selected: o.id === value }, o.label)),
  );
  return { path, label, control, read: () => (control.value === value ? undefined : control.value || null) };
}

function numberField(path: string, label: StringKey, value: number): Editable {
  const control = h('input', { value: String(value), inputmode: 'decimal', dir: 'ltr', name: path });
  return {
    path,
    label,
    control,
    read: () => {
      const v = Number(control.value.trim());
      return control.value.trim() === String(value) || !Number.isFinite(v) ? undefined : v;
    },
  };
}

const words = (name: keyof typeof VOCABULARY): Ref[] =>
  Object.entries(VOCABULARY[name] as Record<string, { ar: string; en: string }>).map(([id, w]) => ({ id, label: w[lang()] }));

const dateText = (d: { value: string } | undefined): string => d?.value ?? '';

/** The fields an analyst most often corrects, per kind, with the proposal's values. */
function editablesOf(k: DeskCandidate, refs: CaseRefs): Editable[] {
  // Readings of an ambiguous name come first, best first.
  const readings = (current: string | null): Ref[] => {
    const preferred = k.ambiguity.flatMap((a) => (a.actor ? [a.actor] : []));
    const order = [...new Set([...(current ? [current] : []), ...preferred])];
    return [...order.map((id) => refs.actors.find((a) => a.id === id) ?? { id, label: id }), ...refs.actors.filter((a) => !order.includes(a.id))];
  };
  switch (k.kind) {
    case 'event':
      return [
        textField('date', 'date', dateText(k.fields.date), false, true),
        choiceField('type', 'type', k.fields.type, words('eventType')),
        textField('title', 'title', k.fields.title, true),
      ];
    case 'actor':
      return [textField('name', 'name', k.fields.name, true), choiceField('type', 'type', k.fields.type, words('actorType'))];
    case 'figure':
      return [
        numberField('value', 'value', typeof k.fields.value === 'number' ? k.fields.value : k.fields.value.low),
        textField('unit', 'unit', k.fields.unit ?? '', false, true),
        choiceField('quantity', 'quantity', k.fields.quantity ?? '', refs.quantities, true),
      ];
    case 'stance':
      return [
        choiceField('actor', 'actor', k.fields.actor ?? '', readings(k.fields.actor), true),
        choiceField('issue', 'issue', k.fields.issue, refs.issues, true),
        choiceField('position', 'position', k.fields.position, words('position')),
      ];
    case 'quote':
      return [
        choiceField('actor', 'actor', k.fields.speaker.actor ?? '', readings(k.fields.speaker.actor), true),
        choiceField('issue', 'issue', '', refs.issues, true),
        choiceField('position', 'position', 'ambiguous', words('position')),
      ];
    case 'commitment-status':
      return [
        choiceField('score', 'statusScore', String(k.fields.score), [0, 1, 2, 3].map((s) => ({ id: String(s), label: scoreText(s, lang()) }))),
        textField('date', 'date', dateText(k.fields.date), false, true),
        textField('note', 'note', k.fields.note, true),
      ];
  }
}

/** What the proposal says, in a line, above its editable fields. */
function summaryOf(k: DeskCandidate, refs: CaseRefs): HTMLElement {
  switch (k.kind) {
    case 'commitment-status':
      return h(
        'p',
        {},
        h('a', { href: href(lang(), 'commitments', [k.fields.commitment]) }, bdi(refs.commitments.get(k.fields.commitment) ?? k.fields.commitment)),
        `: ${k.fields.previous} → ${k.fields.score} (${t(`change-${k.fields.change}` as StringKey)})`,
      );
    case 'event':
      return h('p', {}, fmtDate(k.fields.date.value), ' — ', bdi(k.fields.title));
    case 'figure':
      return h('p', {}, bdi(k.fields.text), k.fields.reported_by ? [' — ', bdi(k.fields.reported_by.name)] : null);
    case 'stance':
      return h('p', {}, bdi(k.fields.speaker.name), ': ', bdi(k.fields.quote));
    case 'quote':
      return h('p', {}, bdi(k.fields.speaker.name), ` (${k.fields.verb}): `, bdi(k.fields.text));
    case 'actor':
      return h('p', {}, bdi(k.fields.name), k.fields.title ? [' — ', bdi(k.fields.title)] : null);
  }
}

/** Case items the candidate may repeat: merging adds its passage to their citations. */
function mergeTargets(k: DeskCandidate): Array<{ kind: 'events' | 'claims'; id: string }> {
  if (k.kind === 'event' && k.fields.existing) return [{ kind: 'events', id: k.fields.existing }];
  if (k.kind === 'figure') return k.fields.similar.map((id) => ({ kind: 'claims' as const, id }));
  return [];
}

/** Where an accepted item shows in the app. */
function itemHref(kind: string, id: string, item: Record<string, unknown> | null): string {
  switch (kind) {
    case 'events':
      return href(lang(), 'timeline', [], { event: id });
    case 'commitments':
      return href(lang(), 'commitments', [id]);
    case 'claims':
      return href(lang(), 'figures', [], { claim: id });
    case 'actors':
      return href(lang(), 'actors', [id]);
    case 'stances':
      return typeof item?.actor === 'string' && item.actor ? href(lang(), 'actors', [item.actor], { stance: id }) : href(lang(), 'history');
    default:
      return href(lang(), 'history', [], { item: id });
  }
}

function candidateCard(k: DeskCandidate, refs: CaseRefs, docId: string): HTMLElement {
  const card = h('article', { class: 'card candidate', 'data-id': k.id, 'data-kind': k.kind, 'aria-labelledby': `cand-${k.id}` });
  const passageLink = k.passage
    ? h('a', { href: href(lang(), 'sources', [docId, k.passage], { hl: `${k.cite.start}-${k.cite.end}` }) }, t('inContext'))
    : null;
  add(
    card,
    h(
      'header',
      { class: 'candidate-head' },
      h('h4', { id: `cand-${k.id}` }, t(CANDIDATE_KIND_LABEL[k.kind])),
      h('span', { class: 'badge', title: t('confidence') }, fmtPercent(k.confidence)),
      h('span', { class: 'muted' }, bdi(k.reason)),
    ),
    summaryOf(k, refs),
    h('blockquote', { dir: 'auto', class: 'candidate-quote' }, k.cite.quote, ' ', passageLink),
    k.ambiguity.length
      ? h(
          'p',
          { class: 'muted ambiguity' },
          t('ambiguousName'),
          ' ',
          k.ambiguity.map((a, i) => [
            i ? '; ' : '',
            bdi(a.actor ? (refs.actors.find((x) => x.id === a.actor)?.label ?? a.actor) : (a.name ?? '?')),
            ` ${fmtPercent(a.score)} — `,
            bdi(a.why),
          ]),
        )
      : null,
  );
  const outcome = h('div', { class: 'candidate-outcome', role: 'status', 'aria-live': 'polite' });
  if (k.decision) {
    add(card, decisionLine(k.decision.decision, k.decision.kind, k.decision.item, null));
    return card;
  }
  const editables = editablesOf(k, refs);
  const form = h(
    'form',
    { class: 'candidate-fields' },
    editables.map((e) => h('label', { class: 'field' }, h('span', {}, t(e.label)), e.control)),
  );
  const reason = h('input', { name: 'reason', dir: 'auto', placeholder: t('reasonOptional'), 'aria-label': t('reasonOptional') });
  const accept = h('button', { type: 'button', class: 'accept' }, t('accept'));
  const reject = h('button', { type: 'button', class: 'secondary reject' }, t('reject'));
  const targets = mergeTargets(k);
  const merges = targets.map((target) => h('button', { type: 'button', class: 'secondary merge', 'data-into': target.id }, `${t('mergeInto')} ${target.id}`));
  const buttons = [accept, reject, ...merges];
  const busy = async (work: () => Promise<void>) => {
    for (const b of buttons) b.disabled = true;
    set(outcome);
    try {
      await work();
    } catch (error) {
      for (const b of buttons) b.disabled = false;
      set(outcome, errorNotice(error));
    }
  };
  accept.addEventListener('click', () =>
    void busy(async () => {
      const setFields: Record<string, unknown> = {};
      for (const e of editables) {
        const v = e.read();
        if (v === undefined) continue;
        setFields[e.path] = e.path === 'score' && typeof v === 'string' ? Number(v) : v;
      }
      const done = await post('candidates/accept', { id: k.id, set: setFields, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      settle(card, form, done, 'accepted');
    }),
  );
  reject.addEventListener('click', () =>
    void busy(async () => {
      await post('candidates/reject', { id: k.id, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      forget();
      announce(t('rejected'));
      form.replaceWith(decisionLine('rejected', null, null, null));
    }),
  );
  targets.forEach((target, i) =>
    merges[i]!.addEventListener('click', () =>
      void busy(async () => {
        const done = await post('candidates/merge', { id: k.id, into: target, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
        settle(card, form, done, 'merged');
      }),
    ),
  );
  add(form, h('div', { class: 'candidate-actions' }, reason, buttons));
  add(card, form, outcome);
  return card;
}

function settle(card: HTMLElement, form: HTMLElement, done: ChangeResponse, decision: 'accepted' | 'merged'): void {
  forget();
  announce(t(decision));
  card.dataset.decision = decision;
  form.replaceWith(decisionLine(decision, done.change.kind, done.change.item, done));
}

/** "Accepted → item" with a link to where it shows, and an undo for a change made here. */
function decisionLine(decision: 'accepted' | 'rejected' | 'merged', kind: string | null, item: string | null, done: ChangeResponse | null): HTMLElement {
  const line = h(
    'p',
    { class: `decision decision-${decision}` },
    h('strong', {}, t(decision)),
    kind && item ? [' → ', h('a', { href: itemHref(kind, item, done?.item ?? null), class: 'decision-item' }, bdi(item))] : null,
  );
  if (done) {
    const undo = h('button', { type: 'button', class: 'secondary undo' }, t('undo'));
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      try {
        await post('history/revert', { seq: done.change.seq, reason: t('undoneAtDesk') });
        forget();
        announce(t('reverted'));
        set(line, h('strong', {}, t('reverted')), ' — ', h('a', { href: href(lang(), 'history') }, t('history')));
      } catch (error) {
        undo.disabled = false;
        add(line, errorNotice(error));
      }
    });
    add(line, ' ', undo);
  }
  return line;
}
