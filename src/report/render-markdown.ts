/** Markdown rendering: footnotes as `[^n]`, charts embedded as SVG data URIs. */
import type { Block, Briefing, Footnote, Sentence } from './briefing.js';
import { label } from './labels.js';
import { escapeMarkdown } from './text-safety.js';

function sentenceMd(s: Sentence): string {
  return escapeMarkdown(s.text) + s.notes.map((n) => `[^${n}]`).join('');
}

function blockMd(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.sentences.map(sentenceMd).join(' ');
    case 'list':
      return b.items.map((s) => `- ${sentenceMd(s)}`).join('\n');
    case 'table': {
      const head = `| ${b.head.map(escapeMarkdown).join(' | ')} |`;
      const rule = `|${b.head.map(() => ' --- ').join('|')}|`;
      const rows = b.rows.map((r) => `| ${r.map(sentenceMd).join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'chart':
      return `![${escapeMarkdown(b.title)}](data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')})`;
  }
}

export function footnoteText(f: Footnote, lang: Briefing['lang']): string {
  const page = f.location?.page !== undefined ? `${lang === 'ar' ? '،' : ','} ${label('page', lang)} ${f.location.page}` : '';
  const where = f.location
    ? `${label('passage', lang)} ${f.location.passage} [${f.location.start}–${f.location.end}]${page}`
    : label('unresolved', lang);
  return `${f.cite.doc}, ${where}: «${f.cite.quote}»`;
}

export function renderMarkdown(b: Briefing): string {
  const parts = [`# ${escapeMarkdown(b.title)}`, `_${escapeMarkdown(b.subtitle)}_`];
  for (const s of b.sections) {
    parts.push(`## ${escapeMarkdown(s.heading)}`);
    for (const block of s.blocks) parts.push(blockMd(block));
  }
  parts.push(`## ${label('notes', b.lang)}`);
  for (const f of b.footnotes) parts.push(`[^${f.n}]: ${escapeMarkdown(footnoteText(f, b.lang))}`);
  return `${parts.join('\n\n')}\n`;
}
