import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.js';
import { buildCausalMap } from '../causal-map.js';
import { MODEL_FORMATS, formatForFile } from '../index.js';
import { importGraphml } from './graphml.js';
import { importJson } from './json.js';
import { importMentalModelerCsv } from './mental-modeler-csv.js';

const cite = [{ doc: '004_x.txt', quote: 'a short quote' }];
const concepts = [
  { id: 'presence', kind: 'lever' as const, label: { ar: 'الوجود الأمريكي', en: 'US presence, "federal" & Kurdistan' }, initial: 1 },
  { id: 'vacuum', kind: 'intermediate' as const, label: { ar: 'الفراغ', en: 'Vacuum <strategic>' } },
  { id: 'isis', kind: 'outcome' as const, label: { ar: 'داعش', en: 'ISIS resurgence' } },
];
const edges = [
  { from: 'presence', to: 'vacuum', weight: -0.7, range: [-0.9, -0.5] as [number, number], strength: 'will' as const, cite },
  { from: 'vacuum', to: 'isis', weight: 0.6, range: [0.3, 0.8] as [number, number], cite },
  { from: 'isis', to: 'vacuum', weight: 0.25, range: [0.1, 0.4] as [number, number], cite },
];
const map = buildCausalMap(concepts, edges);
const stakes = [{ actor: 'iran', weights: { isis: -0.3 } }];

describe('model formats', () => {
  it('csv export neutralises labels a spreadsheet would run as formulas, and import restores them', () => {
    const labels = ['=HYPERLINK("http://x","click")', '+1', '-cmd', '@SUM(A1)', '\t=1+1', 'plain'];
    const hostile = buildCausalMap(
      labels.map((en, i) => ({ id: `c${i}`, kind: 'intermediate' as const, label: { ar: 'مفهوم', en } })),
      [{ from: 'c0', to: 'c5', weight: -0.5, range: [-0.6, -0.4] as [number, number], cite }],
    );
    const text = MODEL_FORMATS.csv.export(hostile);
    const cells = text.split('\r\n')[0].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).slice(1);
    expect(cells.map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'))).toEqual(["'=HYPERLINK(\"http://x\",\"click\")", "'+1", "'-cmd", "'@SUM(A1)", "'\t=1+1", 'plain']);
    // A weight stays a number, minus sign and all.
    expect(text).toMatch(/,-0\.5[,\r]/);
    expect(importMentalModelerCsv(text, 'm.csv').concepts.map((c) => c.label.en)).toEqual(labels);
  });

  it('json export then import is lossless', () => {
    const back = importJson(MODEL_FORMATS.json.export(map, stakes), 'm.json');
    expect(back.concepts).toEqual(concepts);
    expect(back.edges).toEqual(edges);
    expect(back.stakes).toEqual(stakes);
  });

  it('graphml export then import keeps ids, labels, kinds, weights and ranges', () => {
    const text = MODEL_FORMATS.graphml.export(map);
    expect(text).toContain('&lt;strategic&gt;');
    const back = importGraphml(text, 'm.graphml');
    expect(back.concepts).toEqual(concepts);
    expect(back.edges).toEqual(edges.map(({ cite: _cite, ...rest }) => rest));
  });

  it('csv export writes the Mental Modeler matrix and import reads it back', () => {
    const text = MODEL_FORMATS.csv.export(map);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(',"US presence, ""federal"" & Kurdistan",Vacuum <strategic>,ISIS resurgence');
    expect(lines[1]).toBe('"US presence, ""federal"" & Kurdistan",,-0.7,');
    const back = importMentalModelerCsv(text, 'm.csv');
    expect(back.concepts.map((c) => c.label.en)).toEqual(concepts.map((c) => c.label.en));
    expect(back.concepts.map((c) => c.id)).toEqual(['us-presence-federal-kurdistan', 'vacuum-strategic', 'isis-resurgence']);
    const byLabel = (id: string) => back.concepts.find((c) => c.id === id)!.label.en;
    expect(back.edges.map((e) => [byLabel(e.from), byLabel(e.to), e.weight])).toEqual(
      edges.map((e) => [map.concepts[map.index.get(e.from)!].label.en, map.concepts[map.index.get(e.to)!].label.en, e.weight]),
    );
    expect(back.concepts[0].kind).toBe('lever'); // driver
    expect(back.warnings.length).toBeGreaterThan(0);
  });

  it('csv import reads matrices with 0 for no edge and Arabic names', () => {
    const back = importMentalModelerCsv('\ufeff,الفراغ,داعش\nالفراغ,0,0.5\nداعش,0,0\n');
    expect(back.concepts.map((c) => c.id)).toEqual(['c-1', 'c-2']);
    expect(back.edges).toEqual([{ from: 'c-1', to: 'c-2', weight: 0.5, range: [0.5, 0.5] }]);
  });

  it('csv import names the line and column of a bad weight', () => {
    let error: unknown;
    try {
      importMentalModelerCsv(',a,b\na,,2\nb,,\n', 'bad.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'bad.csv', line: 2, field: 'b' });
    expect(() => importMentalModelerCsv(',a\na,abc\n')).toThrow(/expected a weight/);
    expect(() => importMentalModelerCsv('')).toThrow(/empty/);
    expect(() => importMentalModelerCsv(',a\nzz,0.1\n')).toThrow(/not in the first row/);
  });

  it('graphml import refuses DOCTYPE, dangling edges and missing weights', () => {
    const head = '<graphml><graph edgedefault="directed"><node id="a"/><node id="b"/>';
    expect(() => importGraphml('<!DOCTYPE x [<!ENTITY a "b">]><graphml/>')).toThrow(/DOCTYPE/);
    expect(() => importGraphml(`${head}<edge source="a" target="z"/></graph></graphml>`)).toThrow(/not a node/);
    expect(() => importGraphml(`${head}<edge source="a" target="b"/></graph></graphml>`)).toThrow(/no weight/);
    expect(() => importGraphml('<graphml><graph></graph></graphml>')).toThrow(/empty/);
    expect(() => importGraphml('<graphml><graph><node id="a"></graph></graphml>')).toThrow(/does not match/);
  });

  it('graphml import reads Gephi-style keys by attr.name', () => {
    const text = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
      <key id="d1" for="node" attr.name="label" attr.type="string"/>
      <graph edgedefault="directed">
        <node id="n0"><data key="d1">Oil revenue</data></node>
        <node id="n1"><data key="d1">Sanctions &amp; fines</data></node>
        <edge source="n1" target="n0"><data key="d0">-0.8</data></edge>
      </graph></graphml>`;
    const back = importGraphml(text);
    expect(back.concepts.map((c) => [c.id, c.label.en, c.kind])).toEqual([
      ['n0', 'Oil revenue', 'outcome'],
      ['n1', 'Sanctions & fines', 'lever'],
    ]);
    expect(back.edges).toEqual([{ from: 'n1', to: 'n0', weight: -0.8, range: [-0.8, -0.8] }]);
  });

  it('json import rejects schema violations with the field', () => {
    expect(() => importJson('{"concepts":[{"id":"A b","kind":"lever","label":{"ar":"x","en":"x"}}]}')).toThrow(InputError);
    expect(() => importJson('{not json')).toThrow(/not valid JSON/);
  });

  it('formatForFile picks a format from the extension', () => {
    expect(formatForFile('x.CSV')).toBe('csv');
    expect(formatForFile('x.graphml')).toBe('graphml');
    expect(formatForFile('x.json')).toBe('json');
    expect(formatForFile('x.txt')).toBeUndefined();
  });
});
