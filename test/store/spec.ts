/**
 * The store contract, as one suite run against every implementation (PGlite and PostgreSQL):
 * ingest the five-document corpus, then search it with Arabic queries that differ from the text
 * by clitics and spelling, and with English queries; each expects a passage read in the corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/corpus/index.js';
import type { IngestSummary, SearchHit, SearchQuery } from '../../src/domain/corpus.js';
import { InputError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/index.js';
import { corpusDir } from '../support/paths.js';
import { rankingCorpus } from '../support/ranking-corpus.js';

export interface StoreHandle {
  store: Store;
  /** Closes the store and removes what the test created. */
  dispose(): Promise<void>;
}

const STUDY = '004_d44e6c981398d9dc.txt';
const IDRIS = '000_acef2ed65af1df9d.txt';
const ARABY = '002_132dcbf3b4cce48d.txt';
const QABAS = '003_8d2508c71f933932.txt';

function texts(hits: SearchHit[]): string[] {
  return hits.map((h) => h.text);
}

export function storeSpec(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(`Store contract: ${name}`, () => {
    let handle: StoreHandle;
    let store: Store;
    let first: IngestSummary;

    beforeAll(async () => {
      handle = await makeStore();
      store = handle.store;
      first = await ingestPaths(store, [corpusDir()]);
    });
    afterAll(async () => {
      await handle?.dispose();
    });

    it('ingestPaths adds the five corpus documents with their sources.yaml metadata', async () => {
      expect(first.added.map((f) => f.file)).toEqual([IDRIS, '001_56f4f9c73fc7da7c.txt', ARABY, QABAS, STUDY]);
      expect(first.rejected).toEqual([]);
      const docs = await store.listDocuments();
      const araby = docs.find((d) => d.file === ARABY);
      expect(araby?.published).toBe('2024-10-04');
      expect(araby?.outlet).toBe('Al-Araby Al-Jadeed (العربي الجديد)');
      expect(araby?.title).toBe('إنهاء مهام التحالف الدولي في العراق: ماذا عن الأميركيين؟');
      expect(araby?.language).toBe('ar');
    });

    it('ingestPaths a second time reports every file unchanged and writes nothing', async () => {
      const before = await store.stats();
      const again = await ingestPaths(store, [corpusDir()]);
      expect(again.added).toEqual([]);
      expect(again.unchanged.map((f) => f.file).sort()).toEqual(first.added.map((f) => f.file).sort());
      expect(await store.stats()).toEqual(before);
    });

    it('listPassages gives passages whose offsets slice them out of the document text', async () => {
      for (const info of await store.listDocuments()) {
        const doc = await store.getDocument(info.file);
        const passages = await store.listPassages(info.id);
        expect(passages.length).toBe(info.passageCount);
        for (const p of passages) {
          expect(doc?.text.slice(p.start, p.end)).toBe(p.text);
          expect(p.id).toBe(`${info.id}:${p.ordinal}`);
        }
      }
    });

    it('listPassages leaves out web boilerplate lines', async () => {
      const passages = await store.listPassages('001_56f4f9c73fc7da7c.txt');
      const all = passages.map((p) => p.text);
      expect(all).not.toContain('Spread the love');
      expect(all).not.toContain('error: Content is protected !!');
      expect((await store.listPassages(ARABY)).map((p) => p.text)).not.toContain('+ الخط -');
    });

    it('getPassage and getDocument find by id and by file name', async () => {
      const doc = await store.getDocument(STUDY);
      expect(doc).not.toBeNull();
      expect(await store.getDocument(doc!.id)).toMatchObject({ file: STUDY, contentHash: doc!.contentHash });
      const p = await store.getPassage(`${doc!.id}:0`);
      expect(p?.file).toBe(STUDY);
      expect(await store.getPassage('nope:0')).toBeNull();
      expect(await store.getDocument('missing.txt')).toBeNull();
    });

    it('search: والقوات finds القوات (conjunction clitic) in the passage on the Himo base', async () => {
      const hits = await store.search({ text: 'والقوات هيمو', limit: 5 });
      expect(hits[0].file).toBe(IDRIS);
      expect(hits[0].text).toContain('انسحاب القوات الأمريكية من قاعدة «هيمو» العسكرية');
      expect(hits[0].snippet).toContain('[[القوات]]');
    });

    it('search: الأميركية finds الأمريكية (spelling variant): the rocket attack on the embassy', async () => {
      const hits = await store.search({ text: 'السفارة الأميركية', limit: 5 });
      expect(texts(hits).some((t) => t.includes('السفارة الأمريكية (8/12/2023)'))).toBe(true);
      // Ranked, not a boolean filter: passages holding both words come first, then those holding one.
      const both = hits.findIndex((h) => h.matched.length < 2);
      const full = both < 0 ? hits : hits.slice(0, both);
      expect(full.length).toBeGreaterThan(0);
      expect(full.every((h) => /السفارة/.test(h.text) && h.matched.length === 2)).toBe(true);
      expect(hits.slice(full.length).every((h) => h.matched.length === 1)).toBe(true);
    });

    it('search: a query word that is nowhere does not block the others (ranked, not all-terms-required)', async () => {
      const hits = await store.search({ text: 'السفارة الأميركية xyzzyplugh', limit: 5 });
      expect(texts(hits).some((t) => t.includes('السفارة الأمريكية (8/12/2023)'))).toBe(true);
      const outcome = await store.searchRanked({ text: 'السفارة الأميركية xyzzyplugh', limit: 5 });
      expect(outcome.units.find((u) => u.label === 'xyzzyplugh')?.passages).toBe(0);
    });

    it('search: the pruned (fast) ranking gives exactly the exhaustive top hits', async () => {
      for (const text of ['القوات الأمريكية في العراق', 'انسحاب التحالف الدولي', 'withdrawal Iraq negotiations', 'الهجمات على القواعد الأمريكية']) {
        const fast = await store.search({ text, limit: 10 });
        const all = await store.search({ text, limit: 10, exhaustive: true });
        expect(fast.map((h) => [h.passage, h.score])).toEqual(all.map((h) => [h.passage, h.score]));
      }
    });

    it('search: سورية finds سوريا and وسوريا; سوريا finds سورية', async () => {
      const hits = await store.search({ text: 'هجمات داعش سورية', limit: 5 });
      expect(hits[0].file).toBe(STUDY);
      expect(hits[0].text).toContain('هجمات «داعش» في العراق وسوريا');
      const back = await store.search({ text: 'سحب قواتنا من سوريا', limit: 5 });
      expect(back[0].file).toBe(QABAS);
      expect(back[0].text).toContain('لا نعتزم سحب قواتنا من سورية');
    });

    it('search: هجمات finds الهجمات (article) and الهجمات finds هجمات', async () => {
      const hits = await store.search({ text: 'هجمات المقاومة العراقية', limit: 5 });
      expect(texts(hits).some((t) => t.includes('الهجمات بلغت أكثر من 130 هجوماً'))).toBe(true);
      const back = await store.search({ text: 'الهجمات داعش الأشهر الستة', limit: 3 });
      expect(back[0].text).toContain('هجمات «داعش» في العراق وسوريا خلال الأشهر الستة الأولى');
    });

    it('search: English words match their stems (negotiating → negotiations, buying → buy)', async () => {
      const hits = await store.search({ text: 'negotiating buying time', limit: 3 });
      expect(hits[0].file).toBe(STUDY);
      expect(hits[0].text).toContain('strategy to buy time for both Washington and Baghdad');
      expect(hits[0].language).toBe('en');
      expect(hits[0].snippet).toMatch(/\[\[buy\]\] \[\[time\]\]/);
    });

    it('search: the phrases of a unit let an English name find the Arabic one (entity expansion)', async () => {
      expect(await store.search({ text: 'Ain al-Asad' })).toEqual([]);
      const hits = await store.search({ text: 'Ain al-Asad', units: [{ label: 'Ain al-Asad', phrases: ['Ain al-Asad', 'عين الأسد'] }], limit: 3 });
      expect(hits[0].file).toBe(ARABY);
      expect(hits.every((h) => h.text.includes('عين الأسد'))).toBe(true);
      expect(hits[0].matched).toEqual(['Ain al-Asad']);
    });

    it('search: mentionAny keeps only passages naming one of the phrases', async () => {
      const hits = await store.search({ text: 'الانسحاب', mentionAny: ['السوداني', 'al-Sudani'], limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.text.includes('السوداني'))).toBe(true);
    });

    it('search: file, language and date filters restrict the hits', async () => {
      const inStudy = await store.search({ text: 'العراق', file: STUDY, limit: 50 });
      expect(inStudy.length).toBeGreaterThan(1);
      expect(inStudy.every((h) => h.file === STUDY)).toBe(true);
      const english = await store.search({ text: 'Iraq', language: 'en', limit: 50 });
      expect(english.length).toBeGreaterThan(0);
      expect(english.every((h) => h.language === 'en')).toBe(true);
      const january = await store.search({ text: 'العراق', from: '2024-01', to: '2024-01-31', limit: 100 });
      expect(new Set(january.map((h) => h.file))).toEqual(new Set([IDRIS, QABAS]));
      const autumn = await store.search({ text: 'العراق', from: '2024-10-01', limit: 100 });
      expect(new Set(autumn.map((h) => h.file))).toEqual(new Set([ARABY, STUDY]));
    });

    it('search: results are ranked by score, limited, and carry offsets into the document', async () => {
      const hits = await store.search({ text: 'الانسحاب الأمريكي', limit: 7 });
      expect(hits).toHaveLength(7);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
      const doc = await store.getDocument(hits[0].file);
      expect(doc?.text.slice(hits[0].start, hits[0].end)).toBe(hits[0].text);
      expect(hits[0].snippet.length).toBeLessThan(260);
    });

    it('search: rejects a query of stopwords only and bad filters with InputError', async () => {
      await expect(store.search({ text: 'من في على' })).rejects.toBeInstanceOf(InputError);
      await expect(store.search({ text: 'العراق', from: '2024-13' })).rejects.toBeInstanceOf(InputError);
      await expect(store.search({ text: 'العراق', limit: 0 })).rejects.toBeInstanceOf(InputError);
    });

    it("search: quotes, backslashes and tsquery operators in a query are searched as text", async () => {
      for (const text of ["Iraq's forces", 'a\\b\\c', "'); drop table passages; --", '!& | <-> :* withdrawal']) {
        await expect(store.search({ text })).resolves.toBeInstanceOf(Array);
      }
      expect((await store.stats()).passages).toBeGreaterThan(200);
    });

    it('putDocument replaces a document whose file name comes back with new text', async () => {
      const draft = {
        file: 'replace-me.txt',
        path: '/tmp/replace-me.txt',
        text: 'نص أول عن قاعدة التنف',
        language: 'ar' as const,
        meta: {},
        passages: [{ ordinal: 0, start: 0, end: 21, text: 'نص أول عن قاعدة التنف', language: 'ar' as const }],
      };
      expect((await store.putDocument(draft)).status).toBe('added');
      const text = 'نص ثان عن قاعدة حرير';
      const second = await store.putDocument({
        ...draft,
        text,
        passages: [{ ordinal: 0, start: 0, end: text.length, text, language: 'ar' }],
      });
      expect(second.status).toBe('replaced');
      expect((await store.getDocument('replace-me.txt'))?.text).toBe(text);
      expect(await store.search({ text: 'التنف', file: 'replace-me.txt' })).toEqual([]);
      const sameTextNewMeta = await store.putDocument({
        ...draft,
        text,
        meta: { author: 'X' },
        passages: [{ ordinal: 0, start: 0, end: text.length, text, language: 'ar' }],
      });
      expect(sameTextNewMeta.status).toBe('updated');
      expect((await store.getDocument('replace-me.txt'))?.author).toBe('X');
      expect(await store.deleteDocument('replace-me.txt')).toBe(true);
      expect(await store.getDocument('replace-me.txt')).toBeNull();
    });

    it('putDocument rejects passages whose offsets do not match the text', async () => {
      await expect(
        store.putDocument({
          file: 'bad-offsets.txt',
          path: 'bad-offsets.txt',
          text: 'abc def',
          language: 'en',
          meta: {},
          passages: [{ ordinal: 0, start: 0, end: 3, text: 'xyz', language: 'en' }],
        }),
      ).rejects.toBeInstanceOf(InputError);
      expect(await store.getDocument('bad-offsets.txt')).toBeNull();
    });

    it('putDocument stores the pages of a paged document, and passages carry their page and footnote flag', async () => {
      const text = 'انسحاب القوات من قاعدة حرير.[1]\n[1] بيان اللجنة.\n\nالمرحلة الثانية في أيلول.';
      const page2 = text.indexOf('المرحلة');
      const draft = {
        file: 'paged.pdf',
        path: '/tmp/paged.pdf',
        text,
        language: 'ar' as const,
        meta: {},
        pages: [
          { number: 1, start: 0, end: page2 - 2 },
          { number: 2, start: page2, end: text.length, ocrConfidence: 87.5 },
        ],
        passages: [
          { ordinal: 0, start: 0, end: 31, text: text.slice(0, 31), language: 'ar' as const, page: 1 },
          { ordinal: 1, start: 32, end: page2 - 2, text: text.slice(32, page2 - 2), language: 'ar' as const, page: 1, footnote: true },
          { ordinal: 2, start: page2, end: text.length, text: text.slice(page2), language: 'ar' as const, page: 2 },
        ],
      };
      try {
        expect((await store.putDocument(draft)).status).toBe('added');
        const info = (await store.listDocuments()).find((d) => d.file === 'paged.pdf');
        expect(info?.pageCount).toBe(2);
        expect((await store.listPages('paged.pdf')).map((g) => [g.number, g.start, g.end, g.ocrConfidence])).toEqual([
          [1, 0, page2 - 2, null],
          [2, page2, text.length, 87.5],
        ]);
        const passages = await store.listPassages('paged.pdf');
        expect(passages.map((p) => [p.page, p.footnote])).toEqual([[1, false], [1, true], [2, false]]);
        const hits = await store.search({ text: 'المرحلة الثانية', file: 'paged.pdf' });
        expect(hits.map((h) => [h.passage, h.page, h.footnote])).toEqual([[`${info?.id}:2`, 2, false]]);
        expect((await store.search({ text: 'بيان اللجنة', file: 'paged.pdf' }))[0].footnote).toBe(true);
        // Documents without pages: null page, no pages listed.
        expect((await store.listPassages(IDRIS))[0].page).toBeNull();
        expect(await store.listPages(IDRIS)).toEqual([]);
        // The workspace keeps pages and flags, and gives them back on import.
        const exported = (await store.exportWorkspace()).documents.find((d) => d.file === 'paged.pdf');
        expect(exported?.pages).toEqual(draft.pages.map((g) => ({ number: g.number, start: g.start, end: g.end, ...(g.ocrConfidence ? { ocrConfidence: g.ocrConfidence } : {}) })));
        expect(exported?.passages[1]).toMatchObject({ page: 1, footnote: true });
      } finally {
        await store.deleteDocument('paged.pdf');
      }
      expect(await store.listPages('paged.pdf')).toEqual([]);
    });

    it('putDocument rejects a passage whose page does not hold it, writing nothing', async () => {
      const text = 'first page\n\nsecond page';
      await expect(
        store.putDocument({
          file: 'bad-page.pdf',
          path: 'bad-page.pdf',
          text,
          language: 'en',
          meta: {},
          pages: [{ number: 1, start: 0, end: 10 }, { number: 2, start: 12, end: text.length }],
          passages: [{ ordinal: 0, start: 12, end: text.length, text: 'second page', language: 'en', page: 1 }],
        }),
      ).rejects.toThrow(/passage 0 names page 1, which does not hold it/);
      expect(await store.getDocument('bad-page.pdf')).toBeNull();
    });

    it('exportWorkspace then importWorkspace into an empty store round-trips losslessly', async () => {
      const exported = await store.exportWorkspace();
      expect(exported.documents).toHaveLength(5);
      const other = await makeStore();
      try {
        const result = await other.store.importWorkspace(JSON.parse(JSON.stringify(exported)));
        expect(result).toEqual({ added: 5, unchanged: 0, updated: 0 });
        expect(await other.store.exportWorkspace()).toEqual(exported);
        const hits = await other.store.search({ text: 'والقوات هيمو', limit: 1 });
        expect(hits[0].text).toContain('«هيمو»');
        expect(await other.store.importWorkspace(exported)).toEqual({ added: 0, unchanged: 5, updated: 0 });
      } finally {
        await other.dispose();
      }
    });

    it('importWorkspace refuses a workspace whose text was edited, writing nothing', async () => {
      const exported = await store.exportWorkspace();
      const tampered = structuredClone(exported);
      tampered.documents[0].text = tampered.documents[0].text.replace('العراق', 'العراك');
      const other = await makeStore();
      try {
        await expect(other.store.importWorkspace(tampered)).rejects.toBeInstanceOf(InputError);
        expect((await other.store.stats()).documents).toBe(0);
        await expect(other.store.importWorkspace({ format: 'other' })).rejects.toBeInstanceOf(InputError);
      } finally {
        await other.dispose();
      }
    });

    it('search: on thousands of passages the fast ranking stops early and still gives exactly the exhaustive top hits', async () => {
      // Thousands of passages of made-up words beside the corpus: common words in a large share of
      // them, so the ranking reads blocks of short passages and stops before scoring every candidate.
      const { documents, words } = rankingCorpus();
      for (const doc of documents) await store.putDocument(doc);
      const [c0, c1, c2, c3] = words.ar;
      const [e0, e1] = words.en;
      const rare = words.ar[90];
      const cases: { q: SearchQuery; early?: boolean }[] = [
        { q: { text: c0 }, early: true },
        { q: { text: `${c0} ${c1}` }, early: true },
        { q: { text: `${c1} ${c2} ${c3}`, limit: 10 }, early: true },
        { q: { text: `${e0} ${e1}`, limit: 5 }, early: true },
        { q: { text: `${c0} ${rare}` } },
        { q: { text: `${c2} ${words.ar[60]} ${words.ar[61]}`, limit: 50 } },
        { q: { text: c1, limit: 1 } },
        { q: { text: `${c0} ${c1}`, limit: 200 } },
        // A unit given as phrases (a name and its other name), one of several words each.
        { q: { text: 'named', units: [{ label: 'named', phrases: [`${c3} ${c2}`, words.ar[40]] }, { label: c0, phrases: [c0] }] } },
        { q: { text: `${c0} ${c1}`, mentionAny: [words.ar[20], `${words.ar[30]} ${c2}`] } },
        { q: { text: `${c0} ${c1}`, file: 'ranking-007.txt' } },
        { q: { text: `${c0} ${e0}`, language: 'en' } },
        { q: { text: `${c0} ${c2}`, outlet: 'beta' } },
        { q: { text: `${c1} ${c2}`, from: '2031-03', to: '2031-04-30' } },
        { q: { text: `${c0} ${c1}`, sort: 'date', limit: 10 } },
      ];
      try {
        for (const { q, early } of cases) {
          const fast = await store.searchRanked({ limit: 20, ...q });
          const all = await store.searchRanked({ limit: 20, ...q, exhaustive: true });
          const label = JSON.stringify(q);
          expect(fast.hits.map((h) => [h.passage, h.score]), label).toEqual(all.hits.map((h) => [h.passage, h.score]));
          expect(fast.hits.length, label).toBeGreaterThan(0);
          // Early stop: fewer than half the passages holding a query word scored.
          if (early) expect(fast.scored * 2, label).toBeLessThan(all.scored);
        }
        // The top hits of a common word are its shortest passages (BM25's length norm).
        const hits = await store.search({ text: c0, limit: 5 });
        expect(hits.every((h) => h.text.split(' ').length <= 6)).toBe(true);
      } finally {
        for (const doc of documents) await store.deleteDocument(doc.file);
      }
      expect(await store.search({ text: c0 })).toEqual([]);
    });
  });
}
