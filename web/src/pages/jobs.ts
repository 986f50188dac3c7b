/**
 * Jobs: background work (Monte Carlo batches, ingests, extraction, briefings) newest first, each with
 * its state, a progress bar, its parts and the workers that ran them, and a cancel or retry button;
 * what an extraction found, and the desk's page of a document an upload stored. Refreshed while a
 * job runs. A button starts an extraction over the documents not extracted yet. The same list as `marsad jobs`, through the same operation; whichever
 * process runs a job (this app, or `marsad worker` processes on a PostgreSQL server).
 */
import { getFresh, post } from '../api.js';
import type { ApiGetResponse } from '../api.js';
import { add, bdi, h, set } from '../dom.js';
import { fmtDateWith, fmtNumber, fmtPercent, lang, t, type StringKey } from '../i18n.js';
import { announce, errorNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import { CANDIDATE_KIND_LABEL, type CandidateKindName } from '../candidate-kinds.js';

type Job = ApiGetResponse<'jobs'>['items'][number];

const REFRESH_MS = 1000;
/** Finished extractions and uploads whose results are fetched to be shown (the newest). */
const MAX_DETAILED = 10;

const STATUS_KEYS: Record<Job['status'], StringKey> = {
  queued: 'jobQueued',
  running: 'jobRunning',
  done: 'jobDone',
  failed: 'jobFailed',
  cancelled: 'jobCancelled',
};

const KIND_KEYS: Record<string, StringKey> = { montecarlo: 'monteCarlo', ingest: 'jobIngest', extract: 'jobExtract', briefing: 'briefing' };


type Result = NonNullable<Job['result']>;
type Extraction = Extract<Result, { byKind: unknown }>;
type Ingest = Extract<Result, { added: unknown }>;

/** What a finished extraction found: documents, candidates by kind, warnings. */
function extraction(r: Extraction): HTMLElement {
  const kinds = Object.entries(r.byKind).map(([kind, n]) => `${kind in CANDIDATE_KIND_LABEL ? t(CANDIDATE_KIND_LABEL[kind as CandidateKindName]) : kind} ${fmtNumber(n)}`);
  return h(
    'div',
    { class: 'job-result' },
    h('p', {}, fmt('extractFound', r.documents), ' · ', fmt('candidatesFound', r.candidates), kinds.length ? ` (${kinds.join(lang() === 'ar' ? '، ' : ', ')})` : ''),
    r.warnings.length ? h('ul', { class: 'warnings' }, r.warnings.map((w) => h('li', { dir: 'auto' }, bdi(w.file), `: ${w.reason}`))) : null,
  );
}

/** An ingest of one file (an upload): its document on the desk, or why it was refused. */
function ingested(r: Ingest): HTMLElement | null {
  const stored = [...r.added, ...r.updated, ...r.unchanged];
  if (stored.length === 1) {
    return h('p', { class: 'job-result' }, h('a', { href: href(lang(), 'desk', [stored[0]!.documentId]), class: 'job-desk' }, bdi(stored[0]!.file), ' — ', t('reviewCandidates')));
  }
  if (stored.length === 0 && r.rejected.length) return h('p', { class: 'job-error', role: 'note' }, r.rejected.map((x) => `${x.path}: ${x.reason}`).join('; '));
  return null;
}

const fmt = (key: StringKey, n: number) => t(key).replace('{n}', fmtNumber(n));

export const jobsPage: Page = async (root, ctx) => {
  const list = h('section', { id: 'jobs-list', 'aria-label': t('jobs') });
  const extract = h('button', { type: 'button', id: 'jobs-extract' }, t('extractNew'));
  const extractStatus = h('div', { role: 'status', 'aria-live': 'polite', id: 'jobs-extract-status' });
  add(root, h('h1', {}, t('jobs')), h('p', { class: 'muted lead' }, t('jobsIntro')), h('p', {}, extract), extractStatus, list);
  extract.addEventListener('click', () => {
    extract.disabled = true;
    set(extractStatus);
    void post('extractions', {}).then(
      () => {
        extract.disabled = false;
        announce(t('jobQueued'));
        return draw();
      },
      (error: unknown) => {
        extract.disabled = false;
        set(extractStatus, errorNotice(error));
      },
    );
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  ctx.onLeave(() => clearTimeout(timer));
  const draw = async () => {
    clearTimeout(timer);
    let jobs: Job[];
    try {
      jobs = (await getFresh('jobs', { limit: 50 })).items;
    } catch (error) {
      if (ctx.alive()) set(list, errorNotice(error, () => void draw()));
      return;
    }
    // Listings leave results out: what a finished extraction or upload gave is asked of each.
    const detailed = jobs.filter((j) => j.status === 'done' && (j.kind === 'extract' || (j.kind === 'ingest' && j.total === 1))).slice(0, MAX_DETAILED);
    const results = new Map<string, Job>();
    await Promise.all(
      detailed.map((j) => getFresh('jobs/:id', { id: j.id }).then((full) => results.set(j.id, full), () => undefined)),
    );
    jobs = jobs.map((j) => results.get(j.id) ?? j);
    if (!ctx.alive()) return;
    set(list);
    if (!jobs.length) add(list, h('p', { class: 'muted', id: 'jobs-empty' }, t('noJobs')));
    else add(list, h('ol', { class: 'plain jobs' }, jobs.map((j) => entry(j, draw))));
    if (jobs.some((j) => j.status === 'queued' || j.status === 'running')) timer = setTimeout(() => void draw(), REFRESH_MS);
  };
  await draw();
};

function entry(j: Job, redraw: () => Promise<void>): HTMLElement {
  const share = j.total > 0 ? j.done / j.total : 1;
  const active = j.status === 'queued' || j.status === 'running';
  const button = (label: StringKey, route: 'jobs/cancel' | 'jobs/retry') => {
    const b = h('button', { type: 'button', class: `job-${route.slice(5)}` }, t(label));
    b.addEventListener('click', () => {
      b.disabled = true;
      void post(route, { id: j.id }).then(
        () => {
          announce(t(label));
          return redraw();
        },
        (error: unknown) => {
          b.disabled = false;
          b.after(errorNotice(error));
        },
      );
    });
    return b;
  };
  return h(
    'li',
    { class: `card job job-${j.status}`, 'data-job': j.id },
    h(
      'header',
      { class: 'change-head' },
      h('strong', {}, KIND_KEYS[j.kind] ? t(KIND_KEYS[j.kind]!) : j.kind),
      ' ',
      h('span', { class: `badge job-status` }, t(STATUS_KEYS[j.status])),
      ' ',
      h('span', { class: 'muted' }, fmtDateWith(new Date(j.created), { dateStyle: 'medium', timeStyle: 'short' })),
    ),
    h('progress', { max: String(Math.max(1, j.total)), value: String(j.done), 'aria-label': `${t('progressAnnounce')}: ${fmtPercent(share)}` }),
    h(
      'p',
      { class: 'job-figures' },
      `${fmtNumber(j.done)} / ${fmtNumber(j.total)} (${fmtPercent(share)})`,
      j.parts > 0 ? ` · ${t('jobParts')} ${fmtNumber(j.partsDone)} / ${fmtNumber(j.parts)}` : '',
      j.attempts > 1 ? ` · ${t('jobAttempts')} ${fmtNumber(j.attempts)}` : '',
    ),
    j.workers.length ? h('p', { class: 'muted' }, `${t('jobWorkers')}: `, ...j.workers.map((w) => bdi(w, 'badge'))) : null,
    j.error ? h('p', { class: 'job-error', role: 'note' }, j.error) : null,
    h('p', { class: 'muted' }, bdi(j.id)),
    // A briefing job made a file: downloaded like the briefing page's (always an attachment).
    j.status === 'done' && j.kind === 'briefing'
      ? h('p', {}, h('a', { href: `./api/jobs/${encodeURIComponent(j.id)}/file`, download: '', class: 'job-file' }, t('download')))
      : null,
    j.status === 'done' && j.result && 'byKind' in j.result ? extraction(j.result) : null,
    j.status === 'done' && j.result && 'added' in j.result && j.total === 1 ? ingested(j.result) : null,
    active ? button('jobCancel', 'jobs/cancel') : j.status === 'failed' || j.status === 'cancelled' ? button('jobRetry', 'jobs/retry') : null,
  );
}
