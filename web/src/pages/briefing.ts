/**
 * Briefing: choose a scenario and the briefing's language, read the scenario's summary, and
 * download the cited briefing as Markdown, HTML or PDF from /api/report. The files are always
 * downloads (never opened in the app's origin): the HTML briefing is a document of its own. Each
 * download is a small form posted to /api/report (rendering costs a Chromium, so the server takes
 * it on POST only, where its same-origin guard applies); the answer is an attachment, so the page
 * stays.
 */
import { get, postCached } from '../api.js';
import { unknownNotice } from '../notice.js';
import { citeLinks } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, fmtSigned, lang, listSep, t, type Lang } from '../i18n.js';
import { actorMap, actorName } from '../lookup.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { Concept, Scenario } from '../types.js';

const FORMATS = [
  { id: 'md', key: 'formatMd' },
  { id: 'html', key: 'formatHtml' },
  { id: 'pdf', key: 'formatPdf' },
] as const;

/** What a download posts to /api/report. */
export function reportFields(scenario: string, reportLang: Lang, format: string): Record<string, string> {
  return { scenario, lang: reportLang, format };
}

export const briefingPage: Page = async (root, ctx) => {
  const [scenarios, model, actors] = await Promise.all([
    get('scenarios'),
    get('model'),
    actorMap(),
  ]);
  add(root, h('h1', {}, t('briefing')), h('p', { class: 'muted' }, t('briefingIntro')));
  const asked = ctx.route.args[0];
  if (asked && !scenarios.items.some((s) => s.id === asked)) {
    add(root, unknownNotice('unknownScenario', asked, scenarios.items.map((s) => ({ href: href(lang(), 'briefing', [s.id]), label: bi(s.title) }))));
    return;
  }
  const current = scenarios.items.find((s) => s.id === asked) ?? scenarios.items[0];
  if (!current) {
    add(root, h('p', { class: 'muted' }, t('noScenarios')));
    return;
  }
  const reportLang: Lang = ctx.route.params.get('report') === 'en' ? 'en' : ctx.route.params.get('report') === 'ar' ? 'ar' : lang();
  const go = (id: string, l: Lang) => (location.hash = href(lang(), 'briefing', [id], { report: l }));
  const conceptLabel = (id: string) => bi(model.concepts.find((c) => c.id === id)?.label) || id;

  const pick = h(
    'select',
    { name: 'scenario', id: 'briefing-scenario', onchange: (ev: Event) => go((ev.target as HTMLSelectElement).value, reportLang) },
    scenarios.items.map((s) => h('option', { value: s.id, selected: s.id === current.id }, bi(s.title))),
  );
  const langPick = h(
    'select',
    { name: 'report-lang', id: 'briefing-lang', onchange: (ev: Event) => go(current.id, (ev.target as HTMLSelectElement).value as Lang) },
    h('option', { value: 'ar', lang: 'ar', selected: reportLang === 'ar' }, 'العربية'),
    h('option', { value: 'en', lang: 'en', selected: reportLang === 'en' }, 'English'),
  );
  const levers = Object.entries(current.levers);
  add(
    root,
    h('form', { class: 'filters' }, h('label', {}, t('scenario'), pick), h('label', {}, t('briefingLanguage'), langPick)),
    h(
      'section',
      { class: 'card', id: 'briefing-scenario-summary' },
      h('h2', {}, bdi(bi(current.title))),
      h('p', {}, bi(current.description), citeLinks(current.cite)),
      levers.length
        ? [
            h('h3', {}, t('levers')),
            h('ul', { class: 'plain' }, levers.map(([id, v]) => h('li', {}, bdi(conceptLabel(id)), ': ', h('span', { class: v < 0 ? 'neg' : 'pos' }, fmtSigned(v))))),
          ]
        : null,
      h('p', { id: 'briefing-outcome', class: 'muted' }, t('loading')),
    ),
    h(
      'section',
      { class: 'card', id: 'briefing-downloads' },
      h('h2', {}, t('download')),
      h('p', { class: 'muted' }, t('briefingContents')),
      h(
        'div',
        { class: 'downloads' },
        FORMATS.map((f) =>
          h(
            'form',
            { method: 'post', action: './api/report', id: `download-${f.id}-form`, class: 'download' },
            Object.entries(reportFields(current.id, reportLang, f.id)).map(([name, value]) => h('input', { type: 'hidden', name, value })),
            h('button', { type: 'submit', class: 'button', id: `download-${f.id}`, 'data-format': f.id }, t(f.key)),
          ),
        ),
      ),
      h('p', { class: 'muted small' }, t('pdfSlow')),
    ),
  );
  // The same run the briefing's outcome section reports (without Monte Carlo): who gains, who loses.
  const run = await postCached('simulate', { scenario: current.id });
  if (!ctx.alive()) return;
  const names = (xs: Array<{ actor: string }>) => xs.map((x, i) => [i ? listSep() : '', bdi(actorName(actors, x.actor))]);
  set(
    root.querySelector('#briefing-outcome')!,
    h('span', { class: 'pos' }, `${t('winners')}: `, run.winners.length ? names(run.winners) : '—'),
    ' · ',
    h('span', { class: 'neg' }, `${t('losers')}: `, run.losers.length ? names(run.losers) : '—'),
  );
};
