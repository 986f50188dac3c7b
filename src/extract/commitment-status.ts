/**
 * Commitment-status candidates: a sentence saying that a provision of one of the case's
 * commitments happened, began, slipped or ended — "the coalition completed the evacuation of all
 * bases in federal areas", "a small unit will stay on because of Syria", "تأجيل الانسحاب" — is
 * proposed as a status entry for the commitment it matches, with a score 0–3 and a date.
 *
 * A sentence matches a commitment when they share enough words (title and description, both
 * languages, stemmed) and, better, its owners or places. Future and conditional sentences say
 * nothing has happened yet and are skipped; so are sentences dated before the commitment's last
 * recorded status.
 */
import type { Commitment } from '../domain/case.js';
import type { CandidateDate, CommitmentStatusFields, DateMention, Mention } from '../domain/extract.js';
import { compareDates, dateValueOf } from '../domain/dates.js';
import { idsIn } from './events.js';
import { inChrome, inHeadline, type Layout } from './layout.js';
import { dateWithin, within } from './spans.js';
import { fold, stems as terms } from './words.js';

export const DEFAULTS = {
  /** Words a sentence must share with a commitment's title and description. */
  minOverlap: 2,
  /** Least summed rarity (log inverse document frequency over the commitments) of the shared words. */
  minWeight: 3,
};

export interface CommitmentStatusFind {
  fields: CommitmentStatusFields;
  cite: { start: number; end: number };
  confidence: number;
  reason: string;
}


type Change = CommitmentStatusFields['change'];
/** Arabic words as whole words, with a conjunction allowed before them (folded forms). */
const ar = (words: string) => String.raw`(?<![\p{L}])[وف]?(?:${words})(?![\p{L}])`;
/** What a sentence says happened (folded), first match wins. */
const CHANGES: Array<[Change, RegExp]> = [
  ['slipped', new RegExp(String.raw`(?:postpon\w*|delay\w*|\bextended\b|\bkept\s+on\b|\bstay\s+on\b|\bwill\s+stay\b|\bretain\w*|${ar('تاجيل|ارجاء|تمديد|الابقاء|ابقاء|بقاء|ستبقي|سيبقي|تاخر|تاخير|ارجات|ارجا')})`, 'u')],
  ['done', new RegExp(String.raw`(?:complet\w*|\bfinished\b|\bhanded\s+over\b|\bhandover\b|\bvacated\b|\bevacuated\b|full\s+control|\bleft\b|\bdeparted\b|${ar('اكمال|اكتمال|اكتمل|استكمال|انجاز|انجز|سلمت|تسليم|تسلمت|اخلاء|غادرت|غادر|انسحبت|انسحب')})`, 'u')],
  ['ended', new RegExp(String.raw`(?:\bended\b|\bconcluded\b|\bclosed\b|\bterminated\b|${ar('انتهت|انتهي|انتهاء|انهت|انهي|انهاء|اغلاق|اختتام|اختتمت')})`, 'u')],
  ['begun', new RegExp(String.raw`(?:\bbeg[au]n\b|\bstarted\b|\blaunched\b|${ar('بدء|بدات|بدا|انطلق|انطلقت|شرعت|باشرت')})`, 'u')],
];
/** Formulas of attribution that carry no content ("speaking on condition of anonymity"). */
const ATTRIBUTION_FORMULAS = /(?:speaking\s+)?on\s+condition\s+of\s+anonymity|who\s+(?:asked|spoke)\s+[^,]{0,40}|(?:was|were)\s+not\s+authori[sz]ed\s+to\s+speak\s+publicly|طلب\s+عدم\s+(?:الكشف\s+عن\s+)?اسمه|فضل\s+عدم\s+الكشف\s+عن\s+اسمه/giu;
const FUTURE = /(?:\bwill\b|\bshall\b|\bwould\b|\bto\s+be\b|\bexpected\b|\bplan\w*|\bdue\s+to\b|\bif\b|سوف|(?:^|\s)[وف]?س[يتن](?!ياس|يطر|ياد|يار)[\p{L}]{3,}|من\s+المقرر|اذا|إذا|قبل\s+ان)/u;

export interface CommitmentInput {
  /** The case actors and places a text names (the gazetteer), so "عين الأسد" and "Ain al-Asad" are one feature. */
  entitiesIn: (text: string) => Array<{ id: string; start: number; end: number }>;
  layout: Layout;
  sentences: ReadonlyArray<{ start: number; end: number; text: string }>;
  dates: readonly DateMention[];
  mentions: readonly Mention[];
  commitments: readonly Commitment[];
  published: string | null;
}

/** Each case's commitments as bags of features, built once. */
const INDEX = new WeakMap<readonly Commitment[], Array<{ k: Commitment; terms: Set<string>; titleTerms: Set<string>; last: Commitment['history'][number] }>>();

export function findCommitmentStatus(inp: CommitmentInput): CommitmentStatusFind[] {
  // A text is a bag of features: its content words, and the actors and places it names ("@id");
  // the words of those names are not content (so "mission" of UNAMI's name is not a mission).
  const features = (text: string, entities: ReadonlyArray<{ id: string; start: number; end: number }>, extra: readonly string[] = []) => {
    let blanked = text;
    const out = new Set<string>();
    for (const m of entities) {
      out.add(`@${m.id}`);
      blanked = blanked.slice(0, m.start) + ' '.repeat(m.end - m.start) + blanked.slice(m.end);
    }
    for (const t of terms(blanked)) out.add(t);
    for (const id of extra) out.add(`@${id}`);
    return out;
  };
  const own = (text: string, extra: readonly string[] = []) => features(text, inp.entitiesIn(text), extra);
  let index = INDEX.get(inp.commitments);
  if (!index) {
    index = inp.commitments.map((k) => ({
      k,
      terms: own(`${k.title.ar}\n${k.title.en}\n${k.description?.ar ?? ''}\n${k.description?.en ?? ''}`, [...k.owners, ...k.counterparts]),
      titleTerms: own(`${k.title.ar}\n${k.title.en}`),
      last: k.history[k.history.length - 1],
    }));
    INDEX.set(inp.commitments, index);
  }
  // Words most commitments share (التحالف، العراق، forces) say little: weigh each by its rarity.
  const df = new Map<string, number>();
  for (const c of index) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log((index.length + 1) / (df.get(t) ?? 1));
  const out: CommitmentStatusFind[] = [];
  for (const s of inp.sentences) {
    if (inChrome(inp.layout, s.start) || inHeadline(inp.layout, s.start)) continue;
    const f = fold(s.text);
    const hit = CHANGES.map(([c, re]) => [c, re.exec(f)] as const).find(([, m]) => m !== null);
    if (!hit) continue;
    const change = hit[0];
    // "will hand over next week" has not happened; "will stay on" is itself the slip
    if (change !== 'slipped' && FUTURE.test(f)) continue;
    // the document's own mentions give the sentence's actors and places
    const inSentence = within(inp.mentions, s.start, s.end)
      .filter((m) => !(m.ambiguity && m.ambiguity[0].actor === null))
      .map((m) => ({ id: m.actor, start: m.start - s.start, end: m.end - s.start }));
    const here = features(s.text, inSentence);
    for (const t of terms(s.text.match(ATTRIBUTION_FORMULAS)?.join(' ') ?? '')) here.delete(t);
    // the words right after the verb of change say what changed ("began reducing its mission")
    const at = hit[1]!.index;
    const near = terms(f.slice(Math.max(0, at - 30), at + 80));
    const scored = index
      .map((c) => {
        const shared = [...c.terms].filter((t) => here.has(t));
        // a word of the title counts double, and double again right after the verb of change
        const n = shared.reduce((sum, t) => sum + weight(t) * (near.has(t) ? 2 : 1) * (c.titleTerms.has(t) ? 2 : 1), 0);
        return { k: c.k, n, last: c.last, shared: shared.length, inTitle: shared.filter((t) => c.titleTerms.has(t)).length };
      })
      .filter((x) => x.shared >= DEFAULTS.minOverlap && x.inTitle >= 1 && x.n >= DEFAULTS.minWeight)
      .sort((a, b) => b.n - a.n);
    if (!scored.length) continue;
    // the best match only; a close second is named in the reason for the analyst
    const runnerUp = scored[1] && scored[1].n >= scored[0].n * 0.85 ? scored[1].k.id : null;
    for (const best of scored.slice(0, 1)) {
      const date: CandidateDate | undefined = dateWithin(inp.dates, s.start, s.end, inp.published);
      if (!date) continue;
      const lastDate = dateValueOf(best.last.date);
      if (compareDates(date.value, lastDate) < 0) continue; // older news than the commitment's last status
      const previous = best.last.score;
      const total = /(?:\ball\b|\bfull\w*|\bcomplete\w*|\bentire\w*|جميع|كامل|كافه|بالكامل|اكمال|اكتمال)/u.test(f);
      const score = (change === 'done' || change === 'ended' ? (total ? 3 : Math.max(previous, 2)) : change === 'begun' ? Math.max(previous, 1) : previous) as CommitmentStatusFields['score'];
      out.push({
        fields: { commitment: best.k.id, score, previous, change, date, note: s.text.length > 300 ? `${s.text.slice(0, 299)}…` : s.text },
        cite: { start: s.start, end: s.end },
        confidence: Math.round(Math.min(0.85, 0.2 + 0.03 * best.n) * (runnerUp ? 0.7 : 1) * 100) / 100,
        reason: `says the provision ${change === 'done' ? 'was carried out' : change === 'ended' ? 'ended' : change === 'begun' ? 'began' : 'slipped'}; matches ${best.k.id} (word weight ${best.n.toFixed(1)})${runnerUp ? `; or ${runnerUp}` : ''}`,
      });
    }
  }
  return out;
}
