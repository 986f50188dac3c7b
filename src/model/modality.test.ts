import { describe, expect, it } from 'vitest';
import { modalityFindings, modalWords, quoteModality } from './modality.js';

const edge = (strength: 'certain' | 'will' | 'likely' | 'may' | 'could', weight: number, range: [number, number], ...quotes: string[]) => ({
  from: 'a',
  to: 'b',
  strength,
  weight,
  range,
  cite: quotes.map((quote) => ({ doc: 'd.txt', quote })),
});

describe('modality', () => {
  it('modalWords finds Arabic and English modal words, with or without harakat and و/ف', () => {
    expect(modalWords('ما قد يؤدي بدوره إلى').map((w) => [w.word, w.strength])).toEqual([
      ['قد يؤدي', 'may'],
      ['يؤدي', 'will'],
    ]);
    expect(modalWords('وسيُتيح الانسحاب').map((w) => w.strength)).toEqual(['will']);
    expect(modalWords('يُرجَّح إعادة بوصلة').map((w) => w.strength)).toEqual(['likely']);
    expect(modalWords('ورُبّما يُعدّ ذلك').map((w) => w.strength)).toEqual(['may']);
    expect(modalWords('الأمر الذي يمكن أن').map((w) => w.strength)).toEqual(['could']);
    expect(modalWords('the exit may weaken it and will').map((w) => w.strength)).toEqual(['may', 'will']);
  });

  it('modalWords ignores قد before a past verb and nouns that begin like a future verb', () => {
    expect(modalWords('قد دخل العراق')).toEqual([]);
    expect(modalWords('السياسة وسيطرة الميليشيات سنوات')).toEqual([]);
  });

  it('quoteModality takes the most hedged word, and a quote with none as stated fact', () => {
    expect(quoteModality('ما قد يؤدي بدوره إلى').strength).toBe('may');
    expect(quoteModality('على نحو أعاد الأمن العراقي إلى المربع الأول').strength).toBe('certain');
  });

  it('modalityFindings flags a «قد» coded "will" (overstates)', () => {
    const [f] = modalityFindings([edge('will', 0.65, [0.5, 0.8], 'قد يغيّر من توازنات القوى')]);
    expect(f).toMatchObject({ kind: 'overstates', coded: 'will', stated: 'may', field: 'strength' });
    expect(f.message).toMatch(/coded "will" but its strongest quote says "may"/);
  });

  it('modalityFindings flags «سيؤدي» coded "may" (understates), and takes the strongest quote', () => {
    expect(modalityFindings([edge('may', 0.35, [0.15, 0.55], 'سيؤدي إلى ذلك')])[0]).toMatchObject({ kind: 'understates', stated: 'will' });
    expect(modalityFindings([edge('will', 0.65, [0.5, 0.8], 'قد يؤدي', 'مما يؤدي إلى عودة')])).toEqual([]);
  });

  it('modalityFindings flags a weight or range off the rubric, and skips definitional and analyst edges', () => {
    expect(modalityFindings([edge('certain', -0.65, [-0.8, -0.5], 'واقعة')])[0]).toMatchObject({ kind: 'weight', field: 'weight' });
    expect(modalityFindings([edge('certain', 0.8, [0.6, 0.9], 'واقعة')])[0]).toMatchObject({ kind: 'weight', field: 'range' });
    expect(modalityFindings([{ ...edge('certain', 0.8, [0.7, 0.9], 'واقعة'), strength: undefined }])).toEqual([]);
    expect(modalityFindings([{ ...edge('certain', 0.8, [0.7, 0.9], 'قد يؤدي'), basis: 'analyst' as const }])).toEqual([]);
  });
});
