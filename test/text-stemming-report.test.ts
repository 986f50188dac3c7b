/**
 * Stemming report on the built-in corpus: prints the figures quoted in docs/readme/20-text.md
 * and asserts the minimums. Run: npx vitest run test/text-stemming-report.test.ts
 *
 * (a) Agreement with Snowball: over the corpus's distinct Arabic words, the pairs of words one
 *     stemmer gives the same stem (conflates); we report how many of Snowball's pairs we also
 *     conflate and how many of ours Snowball also conflates.
 * (b) Search recall/precision: for each query word, every word occurrence of the corpus is
 *     judged relevant or not by an explicit list of surface forms (below, read off the corpus
 *     vocabulary); a system "matches" an occurrence when its query term equals one of the
 *     occurrence's index terms. Recall = relevant matched / relevant; precision = relevant
 *     matched / matched.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  arabicTerms,
  luceneLightStem,
  luceneNormalize,
  normalizeArabic,
  queryGroups,
  stemArabic,
  tokenize,
} from '../src/text/index.js';

const CORPUS = new URL('../../shared/corpus/iraq-withdrawal/', import.meta.url);
const SNOWBALL = new URL('../../shared/reference/arabic-stemming/corpus-vocabulary-snowball.tsv', import.meta.url);

/**
 * Relevance judgements. Each list is every corpus form that IS the query's word: its
 * inflections with clitics, and for place names the name with its nisba adjective (a search for
 * العراق wants العراقية). Deliberately left out, because they are other words: القوى (powers),
 * القواعد (bases), قوية (strong) for القوات; هجوم (a different noun) for الهجمات; البغدادي
 * (Abu Bakr al-Baghdadi, a person) for بغداد; القوَّ (a typo for القوى) for القوات. The
 * Persian امریکایی ("American", in a quoted Persian sentence) counts as the word.
 */
const QUERIES: ReadonlyArray<{ query: string; relevant: string[] }> = [
  {
    query: 'القوات',
    relevant: ['القوات', 'قوات', 'القوّة', 'للقوات', 'القوة', 'القوّات', 'القوَّات', 'قوَّات', 'قوّة', 'قواتها',
      'والقوات', 'بالقوات', 'للقوَّات', 'والقوَّات', 'لقوات', 'قواتنا', 'قوَّاته', 'قواته', 'قوة', 'قوةً',
      'القوَّة', 'بالقوَّة', 'قوَّة', 'لقوآت', 'لقوّة', 'للقوة', 'للقوّات', 'وقواتنا'],
  },
  {
    query: 'الأمريكية',
    relevant: ['الأمريكية', 'الأمريكي', 'الأميركية', 'أمريكية', 'الأميركيين', 'الأميركي', 'أمريكا', 'أميركي',
      'أمريكي', 'الأمريكيين', 'أميركية', 'والأمريكي', 'أمريكيين', 'وأميركا', 'وأميركيون', 'اميركي',
      'الاميركي', 'والأمريكية', 'أمريكيًا', 'الأمريكيون', 'الأمريكيان', 'وأمريكا', 'أمريكياً', 'آمریکا',
      'للأمريكان', 'امریکایی'],
  },
  {
    query: 'الانسحاب',
    relevant: ['الانسحاب', 'انسحاب', 'للانسحاب', 'الانسحابات', 'لانسحاب', 'انسحابات', 'انسحابًا', 'انسحابا',
      'بانسحاب', 'بانسحابها', 'بالانسحاب', 'والانسحاب'],
  },
  {
    query: 'التحالف',
    relevant: ['التحالف', 'التحالفات', 'للتحالف', 'تحالفات', 'تحالف', 'للتحالفات', 'والتحالف', 'والتحالفات',
      'لتحالفات', 'بالتحالفات'],
  },
  { query: 'الفصائل', relevant: ['الفصائل', 'فصائل', 'فالفصائل', 'للفصائل', 'والفصائل'] },
  { query: 'الهجمات', relevant: ['الهجمات', 'هجمات', 'هجماتها', 'لهجمات', 'بالهجمات', 'وهجماته'] },
  {
    query: 'العراق',
    relevant: ['العراق', 'العراقية', 'العراقي', 'للعراق', 'والعراق', 'بالعراق', 'عراق', 'عراقية', 'العراقيين',
      'عراقي', 'فالعراق', 'عراقيون', 'والعراقية', 'والعراقيين'],
  },
  { query: 'سوريا', relevant: ['سوريا', 'وسوريا', 'سورية', 'السورية', 'وسورية', 'بسورية', 'سوري', 'والسورية'] },
  {
    query: 'إيران',
    relevant: ['إيران', 'الإيرانية', 'لإيران', 'الإيراني', 'وإيران', 'إيرانية', 'بإيران', 'والإيراني',
      'الإيرانيين', 'ایران'],
  },
  { query: 'بغداد', relevant: ['بغداد', 'وبغداد', 'ببغداد'] },
  {
    query: 'الحكومة',
    relevant: ['الحكومة', 'الحكومات', 'الحكومي', 'حكومة', 'للحكومة', 'حكوماته', 'حكومية', 'حكومتي'],
  },
  { query: 'الحشد', relevant: ['الحشد'] },
  { query: 'داعش', relevant: ['داعش', 'لداعش', 'داعشي'] },
  { query: 'المقاومة', relevant: ['المقاومة', 'للمقاومة'] },
  { query: 'واشنطن', relevant: ['واشنطن', 'وواشنطن', 'فواشنطن', 'لواشنطن'] },
  {
    query: 'الميليشيات',
    relevant: ['الميليشيات', 'وميليشياتها', 'الميليشياوي', 'ميليشيا', 'ميليشياتها', 'الميليشيائية', 'وميليشياته'],
  },
  { query: 'روسيا', relevant: ['وروسيا', 'روسيا', 'روسية', 'الروسية', 'والروسي'] },
  { query: 'الصين', relevant: ['الصين', 'صينية', 'والصين', 'الصيني'] },
  {
    query: 'الخليج',
    relevant: ['الخليجية', 'الخليج', 'الخليجي', 'خليجية', 'الخليجيين', 'خليجيتين'],
  },
];

const snowball = new Map(
  readFileSync(SNOWBALL, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t') as [string, string]),
);

/** Corpus word occurrences: surface form → count (Arabic words only). */
const occurrences = new Map<string, number>();
for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
  for (const t of tokenize(readFileSync(new URL(name, CORPUS), 'utf8'))) {
    if (/^[\u0600-\u06ff]/.test(t.text) && !/[0-9\u0660-\u0669\u06f0-\u06f9]/.test(t.text)) {
      occurrences.set(t.text, (occurrences.get(t.text) ?? 0) + 1);
    }
  }
}

const lucene = (w: string): string => luceneLightStem(luceneNormalize(w));

/** Each system: query word → predicate on a corpus surface form. */
const SYSTEMS: ReadonlyArray<{ name: string; matcher: (query: string) => (form: string) => boolean }> = [
  {
    name: 'raw tokens (normalized)',
    matcher: (q) => {
      const n = normalizeArabic(q);
      return (f) => normalizeArabic(f) === n;
    },
  },
  {
    name: 'Snowball 3.1.1',
    matcher: (q) => {
      const s = snowball.get(q);
      if (s === undefined) throw new Error(`query ${q} is not in the Snowball vocabulary`);
      return (f) => snowball.get(f) === s;
    },
  },
  {
    name: 'Lucene light stem',
    matcher: (q) => {
      const s = lucene(q);
      return (f) => lucene(f) === s;
    },
  },
  {
    name: 'Marsad (analyze/queryGroups)',
    matcher: (q) => {
      const groups = queryGroups(q);
      if (groups.length !== 1) throw new Error(`query ${q} gave ${groups.length} groups`);
      const wanted = groups[0];
      return (f) => (analyze(f)[0]?.terms ?? []).some((t) => wanted.includes(t));
    },
  },
  {
    // The road not taken: index alternatives on the query side too (بغداد also as غداد).
    name: 'Marsad, alternatives in queries too',
    matcher: (q) => {
      const wanted = arabicTerms(q);
      return (f) => (analyze(f)[0]?.terms ?? []).some((t) => wanted.includes(t));
    },
  },
];

interface Score {
  relevant: number;
  matched: number;
  hit: number;
}

function score(matches: (form: string) => boolean, relevant: ReadonlySet<string>): Score {
  const s: Score = { relevant: 0, matched: 0, hit: 0 };
  for (const [form, count] of occurrences) {
    const isRelevant = relevant.has(normalizeArabic(form));
    const isMatched = matches(form);
    if (isRelevant) s.relevant += count;
    if (isMatched) s.matched += count;
    if (isRelevant && isMatched) s.hit += count;
  }
  return s;
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

/** Number of unordered pairs of words sharing a key. */
function pairs(keys: Iterable<string>): number {
  const groups = new Map<string, number>();
  for (const k of keys) groups.set(k, (groups.get(k) ?? 0) + 1);
  let n = 0;
  for (const size of groups.values()) n += (size * (size - 1)) / 2;
  return n;
}

describe('stemming report', () => {
  it('relevance lists name only forms that occur in the corpus', () => {
    const normalizedForms = new Set([...occurrences.keys()].map(normalizeArabic));
    for (const { relevant } of QUERIES) {
      for (const form of relevant) expect(normalizedForms.has(normalizeArabic(form)), form).toBe(true);
    }
  });

  it('search recall and precision: Marsad beats raw, Snowball and Lucene', () => {
    const totals = SYSTEMS.map(() => ({ relevant: 0, matched: 0, hit: 0 }));
    const lines = ['| query | relevant | ' + SYSTEMS.map((s) => `${s.name} R / P`).join(' | ') + ' |'];
    lines.push('|---|---|' + SYSTEMS.map(() => '---|').join(''));
    for (const { query, relevant } of QUERIES) {
      const rel = new Set(relevant.map(normalizeArabic));
      const scores = SYSTEMS.map((system) => score(system.matcher(query), rel));
      scores.forEach((s, i) => {
        totals[i].relevant += s.relevant;
        totals[i].matched += s.matched;
        totals[i].hit += s.hit;
      });
      const cells = scores.map((s) => `${pct(s.hit, s.relevant)} / ${pct(s.hit, s.matched)}`);
      lines.push(`| ${query} | ${scores[0].relevant} | ${cells.join(' | ')} |`);
    }
    lines.push(
      `| **all ${QUERIES.length}** | ${totals[0].relevant} | ` +
        totals.map((t) => `**${pct(t.hit, t.relevant)} / ${pct(t.hit, t.matched)}**`).join(' | ') + ' |',
    );
    console.log(lines.join('\n'));

    const [raw, snow, luc, ours, symmetric] = totals.map((t) => ({ recall: t.hit / t.relevant, precision: t.hit / t.matched }));
    expect(ours.recall).toBeGreaterThanOrEqual(0.98);
    expect(ours.precision).toBeGreaterThanOrEqual(0.9);
    expect(ours.recall).toBeGreaterThan(luc.recall);
    expect(ours.recall).toBeGreaterThan(snow.recall);
    expect(ours.recall).toBeGreaterThan(raw.recall);
    expect(ours.precision).toBeGreaterThanOrEqual(symmetric.precision);
  });

  it('agreement with Snowball on the corpus vocabulary', () => {
    const words = [...snowball.keys()];
    const snow = words.map((w) => snowball.get(w) as string);
    const report: string[] = [];
    for (const [name, stem] of [
      ['Marsad stemArabic', stemArabic],
      ['Lucene light stem', lucene],
    ] as const) {
      const ours = words.map((w) => stem(w));
      const both = pairs(words.map((_, i) => `${snow[i]}\t${ours[i]}`));
      const s = pairs(snow);
      const o = pairs(ours);
      report.push(
        `${name}: ${words.length} words; Snowball conflates ${s} pairs, ${name} ${o}; ` +
          `shared ${both} = ${pct(both, s)} of Snowball's pairs, ${pct(both, o)} of ${name}'s`,
      );
      expect(both / s).toBeGreaterThan(0.5);
    }
    console.log(report.join('\n'));
  });
});
