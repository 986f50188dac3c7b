import { describe, expect, it } from 'vitest';
import type { Actor, Claim, Commitment, Event, Issue, Place, Stance } from '../domain/case.js';
import { Candidate, ExtractionResult, type CandidateOf } from '../domain/extract.js';
import { extractDocument } from './index.js';

const cite = [{ doc: 'x.txt', quote: 'xxx' }];
const actor = (id: string, type: Actor['type'], ar: string, en: string, aliases: string[] = []): Actor =>
  ({ id, type, name: { ar, en }, aliases, relations: [], cite }) as Actor;
const CASE = {
  actors: [
    actor('us', 'state', 'الولايات المتحدة', 'United States', ['واشنطن', 'Washington']),
    actor('coalition', 'organisation', 'التحالف الدولي', 'Global Coalition', ['coalition']),
    actor('hmc', 'organisation', 'اللجنة العسكرية العليا', 'Higher Military Commission'),
    actor('awadi', 'person', 'باسم العوادي', 'Basim al-Awadi'),
    actor('nima', 'person', 'علي نعمة', 'Ali Nima'),
    actor('rudaw', 'media', 'روداو', 'Rudaw'),
  ],
  places: [{ id: 'ain-al-asad', kind: 'base', name: { ar: 'عين الأسد', en: 'Ain al-Asad' }, aliases: [], cite } as Place],
  events: [{ id: 'e1', date: '2024-09-27', type: 'statement', title: { ar: 'بيان', en: 'joint statement' }, actors: ['us'], places: [], cite } as Event],
  commitments: [
    {
      id: 'leave-ain-al-asad', title: { ar: 'انسحاب التحالف من قاعدة عين الأسد', en: 'Coalition withdrawal from Ain al-Asad base' },
      owners: ['coalition'], counterparts: [], due: '2025-09', history: [{ date: '2024-09', score: 1, note: { ar: 'ا', en: 'a' } }], cite,
    } as Commitment,
    {
      id: 'unami-end', title: { ar: 'إنهاء بعثة يونامي', en: 'End the UNAMI mission' }, owners: ['us'], counterparts: [],
      history: [{ date: '2024-05', score: 2, note: { ar: 'ا', en: 'a' } }], cite,
    } as Commitment,
  ],
  claims: [{ id: 'attacks-150', quantity: 'attacks', value: 150, qualifier: 'more-than', unit: 'attacks', reported_by: ['us'], cite: [{ doc: 'study.txt', quote: 'xxx' }] } as Claim],
  stances: [{ id: 's1', actor: 'nima', issue: 'coalition-withdrawal', position: 'support', date: '2024-10', summary: { ar: 'ا', en: 'a' }, quote: 'إخراج التحالف الدولي يعني إخراج القوات الأميركية', cite } as Stance],
  issues: [{ id: 'coalition-withdrawal', label: { ar: 'إنهاء مهمة التحالف الدولي وانسحاب قواته', en: 'End of the coalition mission and withdrawal of its forces' } } as Issue],
  quantities: [{ id: 'attacks', label: { ar: 'الهجمات على القوات الأمريكية', en: 'Attacks on US forces' }, unit: 'attacks' }],
};

const run = (text: string, published = '2025-11-26', file = 'news.txt', contentHash?: string) =>
  extractDocument(text, { case: CASE, publishedDate: published, file, ...(contentHash ? { contentHash } : {}) });
const of = <K extends Candidate['kind']>(r: ReturnType<typeof run>, kind: K) => r.candidates.filter((c): c is CandidateOf<K> => c.kind === kind);

const PAGE = [
  'Home | Iraq | World | Opinion',
  'Coalition leaves Ain al-Asad, commander says',
  'Updated: 26 November 2025, 19:42   Share',
  '',
  'ERBIL - The coalition has completed its withdrawal from Ain al-Asad base, Lt. Gen. Qais al-Muhammadawi, deputy commander of the Joint Operations Command, said on Wednesday.',
  '',
  '"The coalition has completed its mission in the federal areas," al-Muhammadawi told Rudaw.',
].join('\n');

describe('extractDocument candidates', () => {
  it('extractDocument gives every candidate in the one Candidate shape, with a citation into the text', () => {
    const r = run(PAGE);
    expect(ExtractionResult.safeParse(r).success).toBe(true);
    for (const c of r.candidates) {
      expect(Candidate.safeParse(c).success).toBe(true);
      expect(PAGE.slice(c.cite.start, c.cite.end)).toBe(c.cite.quote);
    }
    expect(new Set(r.candidates.map((c) => c.kind))).toEqual(new Set(['actor', 'event', 'quote', 'stance', 'commitment-status']));
  });
  it('extractDocument gives stable ids: the same text and content hash give the same ids, another hash others', () => {
    const a = run(PAGE).candidates.map((c) => c.id);
    expect(run(PAGE).candidates.map((c) => c.id)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(run(PAGE, '2025-11-26', 'news.txt', 'f'.repeat(64)).candidates.map((c) => c.id)).not.toEqual(a);
  });
  it('extractDocument proposes the headline event from the lead, dated by its weekday', () => {
    const [e] = of(run(PAGE), 'event');
    expect(e.fields).toMatchObject({ date: { value: '2025-11-26', precision: 'day' }, type: 'withdrawal', headline: true, places: ['ain-al-asad'] });
    expect(e.cite.quote.startsWith('The coalition has completed')).toBe(true); // the dateline is not part of it
  });
  it('extractDocument proposes a new person with rank, title and organisation, and the quote in his name, not the outlet’s', () => {
    const r = run(PAGE);
    const a = of(r, 'actor').find((c) => c.fields.type === 'person')!;
    expect(a.fields).toMatchObject({ name: 'Qais al-Muhammadawi', rank: 'Lt. Gen.', title: 'deputy commander of the Joint Operations Command', organisation: { actor: null, name: 'Joint Operations Command' } });
    const [q] = of(r, 'quote');
    expect(q.fields.speaker).toEqual({ actor: null, name: 'Qais al-Muhammadawi', candidate: a.id });
  });
  it('extractDocument proposes a commitment update for a provision that happened', () => {
    const [k] = of(run(PAGE), 'commitment-status');
    // "completed" says the whole provision is done: 3
    expect(k.fields).toMatchObject({ commitment: 'leave-ain-al-asad', previous: 1, score: 3, change: 'done', date: { value: '2025-11-26' } });
  });
  it('extractDocument does not hide a figure because an unrelated claim has the same value; it names the claim as similar', () => {
    const text = 'Officials said more than 150 attacks hit US forces at the bases.';
    const [f] = of(run(text, '2025-11-26', 'news.txt'), 'figure');
    expect(f.fields).toMatchObject({ value: 150, unit: 'attacks', quantity: 'attacks', similar: ['attacks-150'] });
    expect(of(run(text, '2025-11-26', 'study.txt'), 'figure')).toEqual([]); // the claim cites this very document
  });
  it('extractDocument proposes the same event at two precisions once, at the precise date', () => {
    const text = 'Intro line of the report without dates here at all, just words.\n\nIn September 2025, US troops left Ain al-Asad. On 28 September 2025 the last US troops left Ain al-Asad base for good.';
    const events = of(run(text, '2025-11-26'), 'event').filter((e) => !e.fields.headline);
    expect(events.map((e) => e.fields.date.value)).toEqual(['2025-09-28']);
  });
  it('extractDocument does not propose an event the case holds (same date, shared actor)', () => {
    const text = 'First line of text that is long enough to be a lead of the page.\n\nWashington announced on 27 September 2024 that the coalition mission would end.';
    expect(of(run(text), 'event').some((e) => e.fields.date.value === '2024-09-27')).toBe(false);
  });
  it('extractDocument proposes a stance in the speaker’s own voice for a quote on an issue, and not quotes the case holds', () => {
    const text = 'وقال باسم العوادي إن "على قوات التحالف الدولي إنهاء مهمتها والانسحاب من العراق"، وأشار علي نعمة إلى أن "إخراج التحالف الدولي يعني إخراج القوات الأميركية من العراق".';
    const r = run(text);
    expect(of(r, 'quote').map((q) => q.fields.speaker.actor)).toEqual(['awadi']);
    const [s] = of(r, 'stance');
    expect(s.fields).toMatchObject({ actor: 'awadi', issue: 'coalition-withdrawal', voice: 'declared' });
  });
  it('extractDocument shows the ambiguity of a surname that fits a case actor and a new person', () => {
    const c2 = { ...CASE, actors: [...CASE.actors, { ...actor('abu-hussein', 'person', 'أبو حسين المحمداوي', 'Abu Hussein al-Mohammadawi', ['المحمداوي']) }] };
    const text = 'أعلن نائب قائد العمليات المشتركة الفريق أول ركن قيس المحمداوي، اليوم الأربعاء، أن المهمة انتهت.\n\nوقال المحمداوي إن "مهمة التحالف انتهت وأصبح التركيز على مذكرات التفاهم".';
    const r = extractDocument(text, { case: c2, publishedDate: '2025-12-31' });
    const a = r.candidates.find((c) => c.kind === 'actor')!;
    expect(a.ambiguity.map((x) => x.actor ?? x.name)).toEqual(['قيس المحمداوي', 'abu-hussein']);
    const q = r.candidates.find((c): c is CandidateOf<'quote'> => c.kind === 'quote')!;
    expect(q.fields.speaker).toMatchObject({ actor: null, name: 'قيس المحمداوي', candidate: a.id });
    expect(q.ambiguity[0].actor).toBeNull();
  });
});
