/**
 * Jobs: background work (Monte Carlo batches, ingests, briefings) newest first, each with its state, a
 * progress bar, its parts and the workers that ran them, and a cancel or retry button. Refreshed
 * while a job runs. The same list as `marsad jobs`, through the same operation; whichever
 * process runs a job (this app, or `marsad worker` processes on a PostgreSQL server).
 */
import { getFresh, post } from '../api.js';
import type { ApiGetResponse } from '../api.js';
import { add, bdi, h, set } from '../dom.js';
import { fmtDateWith, fmtNumber, fmtPercent, t, type StringKey } from '../i18n.js';
import { announce, errorNotice } from '../notice.js';
import type { Page } from '../page.js';

type Job = ApiGetResponse<'jobs'>['items'][number];

const REFRESH_MS = 1000;

const STATUS_KEYS: Record<Job['status'], StringKey> = {
  queued: 'jobQueued',
  running: 'jobRunning',
  done: 'jobDone',
  failed: 'jobFailed',
  cancelled: 'jobCancelled',
};

const KIND_KEYS: Record<string, StringKey> = { montecarlo: 'monteCarlo', ingest: 'jobIngest', briefing: 'briefing' };

export const jobsPage: Page = async (root, ctx) => {
  const list = h('section', { id: 'jobs-list', 'aria-label': t('jobs') });
  add(root, h('h1', {}, t('jobs')), h('p', { class: 'muted lead' }, t('jobsIntro')), list);
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
    active ? button('jobCancel', 'jobs/cancel') : j.status === 'failed' || j.status === 'cancelled' ? button('jobRetry', 'jobs/retry') : null,
  );
}
