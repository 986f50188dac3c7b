/**
 * A standalone HTML briefing: fonts and charts inline, no script, a CSP that forbids any, text
 * escaped, right-to-left for Arabic. Footnote markers link to the notes; each note names the
 * document, the passage id and the quote.
 */
import type { Block, Briefing, Sentence } from './briefing.js';
import { embeddedFontFaces } from './fonts.js';
import { label } from './labels.js';
import { escapeHtml } from './text-safety.js';

const CSS = `
:root{--ink:#1d2430;--muted:#5b6575;--rule:#d6dbe3;--accent:#0b5c8a}
*{box-sizing:border-box}
body{font-family:'Noto Naskh Arabic','Noto Sans',sans-serif;color:var(--ink);margin:0 auto;max-width:60rem;padding:2rem 2.5rem;line-height:1.7;font-size:11pt}
html[lang=en] body{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif}
h1{font-size:1.7rem;margin:0 0 .3rem;color:var(--accent)}
.subtitle{color:var(--muted);margin:0 0 1.5rem}
h2{font-size:1.2rem;border-block-end:2px solid var(--accent);padding-block-end:.2rem;margin-block-start:1.8rem;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92em}
th,td{border:1px solid var(--rule);padding:.3rem .5rem;text-align:start;vertical-align:top}
th{background:#eef2f7}
tr{break-inside:avoid}
sup a{color:var(--accent);text-decoration:none;font-size:.8em}
figure{margin:1rem 0;break-inside:avoid}
figcaption{color:var(--muted);font-size:.9em}
figure svg{max-width:100%;height:auto}
ol.notes{font-size:.85em;color:var(--muted);padding-inline-start:1.5rem}
ol.notes li{margin:.2rem 0}
`;

function sentenceHtml(s: Sentence): string {
  const marks = s.notes.length
    ? `<sup>${s.notes.map((n) => `<a href="#fn-${n}">${n}</a>`).join(',')}</sup>`
    : '';
  return `${escapeHtml(s.text)}${marks}`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${b.sentences.map(sentenceHtml).join(' ')}</p>`;
    case 'list':
      return `<ul>${b.items.map((s) => `<li>${sentenceHtml(s)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${sentenceHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'chart':
      // The SVG comes from our own chart renderer (labels escaped by it), never from document text.
      return `<figure>${b.svg}<figcaption>${escapeHtml(b.title)}</figcaption></figure>`;
  }
}

export function renderHtml(b: Briefing): string {
  const dir = b.lang === 'ar' ? 'rtl' : 'ltr';
  const sections = b.sections
    .map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(blockHtml).join('\n')}</section>`)
    .join('\n');
  const notes = b.footnotes
    .map((f) => {
      const attrs = f.location
        ? ` data-file="${escapeHtml(f.location.file)}" data-passage="${escapeHtml(f.location.passage)}"`
        : ` data-file="${escapeHtml(f.cite.doc)}"`;
      // File names and passage ids are left-to-right runs inside Arabic text: isolate them.
      const ltr = (t: string) => `<bdi dir="ltr">${escapeHtml(t)}</bdi>`;
      const page =
        f.location?.page !== undefined ? `${b.lang === 'ar' ? '،' : ','} ${escapeHtml(label('page', b.lang))} ${f.location.page}` : '';
      const where = f.location
        ? `${escapeHtml(label('passage', b.lang))} ${ltr(f.location.passage)} ${ltr(`[${f.location.start}–${f.location.end}]`)}${page}`
        : escapeHtml(label('unresolved', b.lang));
      return `<li id="fn-${f.n}"${attrs}>${ltr(f.cite.doc)}${b.lang === 'ar' ? '،' : ','} ${where}: «<bdi>${escapeHtml(f.cite.quote)}</bdi>»</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${b.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(b.title)}</title>
<style>${embeddedFontFaces()}${CSS}</style>
</head>
<body>
<h1>${escapeHtml(b.title)}</h1>
<p class="subtitle">${escapeHtml(b.subtitle)}</p>
${sections}
<section id="notes"><h2>${escapeHtml(label('notes', b.lang))}</h2><ol class="notes">
${notes}
</ol></section>
</body>
</html>
`;
}
