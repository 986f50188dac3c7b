/**
 * Every kind of bad case input named in issue 3 item 7 gives a clear InputError naming the file,
 * the line and the field — never a crash or a hang.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { loadCase } from '../../src/case/load.js';
import { CaseProblemsError } from '../../src/case/problems.js';
import { actor, META, writeCase } from './tmp-case.js';

const HOSTILE = new URL('../../../shared/fixtures/hostile/', import.meta.url);

async function loadError(files: Record<string, string>): Promise<InputError> {
  const error = await loadCase(writeCase(files)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('loadCase refuses bad input', () => {
  it('names an unknown relation target with file, line and field', async () => {
    const error = await loadError({
      'case.yaml': META,
      'actors.yaml': `actors:\n${actor('iran')}${actor('kataib-hezbollah', `    relations:\n      - type: proxy-of\n        target: irann\n`)}`,
    });
    expect(error.file).toBe('actors.yaml');
    expect(error.line).toBe(12);
    expect(error.field).toBe('actors[1].relations[0].target');
    expect(error.message).toMatch(/unknown actor or place "irann" \(did you mean "iran"\?\)/);
  });

  it('names a duplicate id, also across actors and places', async () => {
    const error = await loadError({
      'case.yaml': META,
      'a.yaml': `actors:\n${actor('iraq')}${actor('iran')}`,
      'b.yaml': `places:\n  - id: iraq\n    kind: country\n    name: { ar: العراق, en: Iraq }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n`,
    });
    expect(error.file).toBe('b.yaml');
    expect(error.line).toBe(2);
    expect(error.field).toBe('places[0].id');
    expect(error.message).toMatch(/"iraq" is used by both actors and places/);
  });

  it('names a duplicate id within a section', async () => {
    const error = await loadError({ 'case.yaml': META, 'a.yaml': `actors:\n${actor('iran')}${actor('iran')}` });
    expect([error.file, error.line, error.field]).toEqual(['a.yaml', 6, 'actors[1].id']);
    expect(error.message).toMatch(/duplicate id "iran" in actors/);
  });

  it('names a date that does not parse, and one that is not in the calendar', async () => {
    const event = (date: string) =>
      `  - id: e-${date.replace(/[^0-9]/g, '')}\n    date: ${date}\n    type: meeting\n    title: { ar: لقاء, en: Meeting }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n`;
    const dir = writeCase({ 'case.yaml': META, 'events.yaml': `events:\n${event('2024-13-01')}${event('2024-02-30')}${event('"27/1/2024"')}` });
    const error = await loadCase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseProblemsError);
    const problems = (error as CaseProblemsError).problems;
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['events.yaml', 3, 'events[0].date'],
      ['events.yaml', 8, 'events[1].date'],
      ['events.yaml', 13, 'events[2].date'],
    ]);
    expect(problems[0].message).toMatch(/YYYY-MM-DD/);
    expect(problems[1].message).toMatch(/calendar/);
  });

  it('names a missing required field at the item', async () => {
    const error = await loadError({
      'case.yaml': META,
      'a.yaml': `actors:\n  - id: iran\n    type: state\n    name: { ar: إيران }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n`,
    });
    expect([error.file, error.line, error.field]).toEqual(['a.yaml', 4, 'actors[0].name.en']);
    expect(error.message).toMatch(/missing required field/);
  });

  it('names an unknown field and an unknown section', async () => {
    const dir = writeCase({ 'case.yaml': META, 'a.yaml': `actors:\n${actor('iran', '    nmae: x\n')}actorz: []\n` });
    const error = (await loadCase(dir).catch((e: unknown) => e)) as CaseProblemsError;
    expect(error).toBeInstanceOf(CaseProblemsError);
    expect(error.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [6, 'actors[0].nmae', 'unknown field "nmae"'],
      [7, 'actorz', expect.stringMatching(/unknown section "actorz"/)],
    ]);
  });

  it('refuses a bidi override inside a name, naming the code point', async () => {
    const error = await loadError({
      'case.yaml': META,
      'a.yaml': `actors:\n  - id: pmf\n    type: armed-force\n    name: { ar: "الحشد \u202Eالشعبي", en: PMF }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n`,
    });
    expect([error.file, error.line, error.field]).toEqual(['a.yaml', 4, 'actors[0].name.ar']);
    expect(error.message).toMatch(/U\+202E/);
  });

  it('refuses a zero-width character inside an alias', async () => {
    const error = await loadError({ 'case.yaml': META, 'a.yaml': `actors:\n${actor('iraq', '    aliases: [Bagh\u200Bdad]\n')}` });
    expect([error.line, error.field]).toEqual([6, 'actors[0].aliases[0]']);
    expect(error.message).toMatch(/U\+200B/);
  });

  it('refuses a citation to a document that is not in the corpus', async () => {
    const corpus = writeCase({ 'a.txt': 'quote text', 'sources.yaml': '- file: b.txt\n' });
    const error = await loadError({
      'case.yaml': `${META}  corpus: ${corpus}\n`,
      'a.yaml': `actors:\n${actor('iran')}  - id: iraq\n    type: state\n    name: { ar: العراق, en: Iraq }\n    cite:\n      - { doc: b.txt, quote: "in sources.yaml" }\n      - { doc: c.txt, quote: "nowhere" }\n`,
    });
    expect([error.file, error.line, error.field]).toEqual(['a.yaml', 11, 'actors[1].cite[1].doc']);
    expect(error.message).toMatch(/"c.txt" is not in the corpus/);
  });

  it('refuses the alias-bomb fixture (without expanding it)', async () => {
    const error = await loadError({ 'case.yaml': META, 'bomb.yaml': readFileSync(new URL('yaml-alias-bomb.yaml', HOSTILE), 'utf8') });
    expect(error.file).toBe('bomb.yaml');
    expect(error.message).toMatch(/alias/i);
  });

  it('refuses the deep-nesting fixture before parsing it', async () => {
    const error = await loadError({ 'case.yaml': META, 'deep.yaml': readFileSync(new URL('yaml-deep-nesting.yaml', HOSTILE), 'utf8') });
    expect([error.file, error.line]).toEqual(['deep.yaml', 1]);
    expect(error.message).toMatch(/nesting deeper than 64/);
  });

  it('refuses deep block nesting too', async () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    const error = await loadError({ 'case.yaml': META, 'deep.yaml': deep });
    expect(error.message).toMatch(/nesting deeper/);
  });

  it('refuses an oversized file with a size message', async () => {
    const error = await loadError({ 'case.yaml': META, 'big.yaml': `# ${'x'.repeat(5 * 1024 * 1024)}\n` });
    expect(error.name).toBe('TooLargeError');
    expect(error.file).toBe('big.yaml');
  });

  it('reports invalid YAML syntax with its line', async () => {
    const error = await loadError({ 'case.yaml': META, 'a.yaml': 'actors:\n  - id: x\n   bad: [\n' });
    expect(error.file).toBe('a.yaml');
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/invalid YAML/);
  });

  it('collects every problem, capped, in one error', async () => {
    const many = Array.from({ length: 80 }, (_, i) => actor(`a${i}`, `    relations: [{ type: backs, target: nobody-${i} }]\n`)).join('');
    const error = (await loadCase(writeCase({ 'case.yaml': META, 'a.yaml': `actors:\n${many}` })).catch((e: unknown) => e)) as CaseProblemsError;
    expect(error).toBeInstanceOf(CaseProblemsError);
    expect(error.total).toBe(80);
    expect(error.problems).toHaveLength(50);
    expect(error.message).toMatch(/and 30 more/);
  });
});

describe('loadCase checks dates against each other', () => {
  it('refuses an event that ends before it starts', async () => {
    const error = await loadCase(
      writeCase({
        'case.yaml': META,
        'e.yaml': 'events:\n  - id: talks\n    date: 2024-09\n    until: 2024-08-30\n    type: negotiation\n    title: { ar: محادثات, en: Talks }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect([(error as InputError).line, (error as InputError).field]).toEqual([4, 'events[0].until']);
  });
});

describe('loadCase reads only UTF-8', () => {
  it('refuses a file in a legacy encoding, naming it', async () => {
    const dir = writeCase({ 'case.yaml': META });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/a.yaml`, Buffer.from([0x61, 0x63, 0x74, 0x6f, 0x72, 0x73, 0x3a, 0x20, 0xc7, 0xe1, 0x0a]));
    const error = await loadCase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('a.yaml');
    expect((error as InputError).message).toMatch(/UTF-8/);
  });
});

describe('loadCase reports each mistake once', () => {
  it('does not report references to an item that failed validation as unknown', async () => {
    const error = await loadError({
      'case.yaml': META,
      'a.yaml': `actors:\n  - id: iran\n    type: empire\n    name: { ar: إيران, en: Iran }\n    cite: [{ doc: a.txt, quote: "quote text" }]\n${actor('iraq', '    relations: [{ type: opposes, target: iran }]\n')}`,
    });
    expect([error.line, error.field]).toEqual([3, 'actors[0].type']);
  });
});

describe('loadCase checks the ACH sections', () => {
  it('names an evidence item pointing to an unknown claim or hypothesis', async () => {
    const dir = writeCase({
      'case.yaml': META,
      'ach.yaml': `hypotheses:
  - id: leave
    title: { ar: انسحاب, en: Leave }
evidence:
  - id: e1
    title: { ar: دليل, en: Evidence }
    refs: [{ kind: claim, id: no-such-claim }]
    credibility: high
    relevance: medium
    ratings:
      - hypothesis: stay
        rating: C
        rationale: { ar: سبب, en: Reason }
        cite: [{ doc: a.txt, quote: "quote text" }]
`,
    });
    const error = (await loadCase(dir).catch((e: unknown) => e)) as CaseProblemsError;
    expect(error).toBeInstanceOf(CaseProblemsError);
    expect(error.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [7, 'evidence[0].refs[0].id', 'unknown claim "no-such-claim"'],
      [11, 'evidence[0].ratings[0].hypothesis', 'unknown hypothesis "stay"'],
    ]);
  });

  it('names a hypothesis pointing to an unknown scenario', async () => {
    const error = await loadError({
      'case.yaml': META,
      'ach.yaml': `hypotheses:\n  - id: leave\n    scenario: no-such-scenario\n    title: { ar: انسحاب, en: Leave }\nevidence: []\n`,
    });
    expect(error.file).toBe('ach.yaml');
    expect(error.field).toBe('hypotheses[0].scenario');
    expect(error.message).toMatch(/unknown scenario "no-such-scenario"/);
  });

  it('refuses a place with a latitude but no longitude, or out of range', async () => {
    const place = (extra: string) => `places:\n  - id: p\n    kind: site\n    name: { ar: موقع, en: Site }\n${extra}    cite: [{ doc: a.txt, quote: "quote text" }]\n`;
    const half = await loadError({ 'case.yaml': META, 'places.yaml': place('    lat: 33.5\n') });
    expect(half.message).toMatch(/both lat and lon/);
    const far = await loadError({ 'case.yaml': META, 'places.yaml': place('    lat: 133.5\n    lon: 44\n') });
    expect(far.field).toMatch(/lat/);
  });
});

describe('loadCase names a missing folder', () => {
  it('refuses a folder that does not exist, naming it', async () => {
    const error = await loadCase('/nonexistent/marsad-case').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('/nonexistent/marsad-case');
    expect((error as InputError).message).toBe('case folder not found');
  });
});
