/**
 * Tracking on constructed timelines: a commitment completed late, one overdue, one abandoned,
 * one due soon; an indicator triggered then reversed; forecasts scored against hand-computed
 * Brier and log values; the case rewound to a date.
 */
import { describe, expect, it } from 'vitest';
import type { Commitment, Indicator } from '../domain/case.js';
import { rewindCase } from '../case/rewind.js';
import type { LoadedCase } from '../case/load.js';
import { attentionOrder, brier, commitmentTiming, forecastAt, indicatorTrack, logScore, mean } from './tracking.js';

const cite = [{ doc: 'a.txt', quote: 'a quote' }];
const note = { ar: 'ملاحظة', en: 'note' };

function commitment(id: string, due: Commitment['due'], history: Array<[string, 0 | 1 | 2 | 3, boolean?]>): Commitment {
  return {
    id,
    title: { ar: id, en: id },
    owners: ['us'],
    counterparts: [],
    due,
    history: history.map(([date, score, abandoned]) => ({ date, score, note, ...(abandoned ? { abandoned: true as const } : {}) })),
    cite,
  };
}

describe('commitmentTiming', () => {
  // Due "September 2025" falls due on 30 September 2025 (day 20361); completed 17 January 2026 (day 20470).
  const late = commitment('late', '2025-09', [
    ['2024-09-27', 0],
    ['2025-10-01', 2],
    ['2026-01-17', 3],
  ]);

  it('commitmentTiming: completed late by the days from the deadline’s last day to completion', () => {
    const t = commitmentTiming(late, '2026-06-01');
    expect(t.timeliness).toBe('completed_late');
    // 1 Oct … 17 Jan: 31 (Oct) + 30 (Nov) + 31 (Dec) + 17 = 109 days after 30 September
    expect(t.daysLate).toBe(109);
    expect(t.completed).toBe('2026-01-17');
  });

  it('commitmentTiming: the same commitment was overdue before it was completed, and not yet due before that', () => {
    expect(commitmentTiming(late, '2025-12-01')).toMatchObject({ timeliness: 'overdue', daysLate: 62 });
    expect(commitmentTiming(late, '2024-10-31')).toMatchObject({ timeliness: 'not_yet_due', daysLeft: 334 });
    expect(commitmentTiming(late, '2025-08-01')).toMatchObject({ timeliness: 'due_soon', daysLeft: 60 });
  });

  it('commitmentTiming: completed on time when the completing entry falls within the deadline’s period', () => {
    const onTime = commitment('on-time', '2025-12', [
      ['2024-05-31', 1],
      ['2025-12-31', 3],
    ]);
    expect(commitmentTiming(onTime, '2026-01-02')).toMatchObject({ timeliness: 'completed_on_time', daysLate: null });
  });

  it('commitmentTiming: abandoned from the entry that says so, whatever the deadline', () => {
    const dropped = commitment('dropped', '2025-09', [
      ['2024-09-27', 1],
      ['2025-03-01', 1, true],
    ]);
    expect(commitmentTiming(dropped, '2026-01-01').timeliness).toBe('abandoned');
    expect(commitmentTiming(dropped, '2025-02-01').timeliness).toBe('not_yet_due');
  });

  it('commitmentTiming: a deadline written as a year is due on 31 December, not on 1 January', () => {
    const yearly = commitment('yearly', '2026', [['2024-01-01', 0]]);
    expect(commitmentTiming(yearly, '2026-06-30')).toMatchObject({ timeliness: 'not_yet_due', daysLeft: 184 });
    expect(commitmentTiming(yearly, '2027-01-01')).toMatchObject({ timeliness: 'overdue', daysLate: 1 });
  });

  it('attentionOrder: overdue (most late first), then due soon, then the rest by deadline', () => {
    const asOf = '2025-12-01';
    const items = [
      commitment('later', '2027', [['2024-01-01', 0]]),
      commitment('soon', '2026-01', [['2024-01-01', 0]]),
      commitment('a-bit-late', '2025-11', [['2024-01-01', 0]]),
      commitment('very-late', '2025-01', [['2024-01-01', 0]]),
    ].map((m) => ({ commitment: m, timing: commitmentTiming(m, asOf) }));
    expect(items.sort(attentionOrder).map((x) => x.commitment.id)).toEqual(['very-late', 'a-bit-late', 'soon', 'later']);
  });
});

describe('indicatorTrack', () => {
  const ind: Pick<Indicator, 'observe' | 'observations'> = {
    observe: { what: { ar: 'هجمات', en: 'attacks a month' }, direction: 'above', threshold: 10 },
    observations: [
      { date: '2024-03', value: 25, cite },
      { date: '2024-01', value: 4, cite },
      { date: '2024-06', value: 2, cite },
    ],
  };

  it('indicatorTrack: not triggered, then triggered when a value crosses the threshold, then reversed when it falls back', () => {
    expect(indicatorTrack(ind, '2024-02').state).toBe('not_triggered');
    expect(indicatorTrack(ind, '2024-04')).toMatchObject({ state: 'triggered', since: '2024-03' });
    const all = indicatorTrack(ind, '2024-12');
    expect(all).toMatchObject({ state: 'reversed', since: '2024-06' });
    expect(all.steps.map((s) => s.state)).toEqual(['not_triggered', 'triggered', 'reversed']);
  });

  it('indicatorTrack: a "below" indicator fires at or under its threshold', () => {
    const falling = { observe: { what: note, direction: 'below' as const, threshold: 1000 }, observations: [{ date: '2025-01', value: 1000, cite }] };
    expect(indicatorTrack(falling, '2025-02').state).toBe('triggered');
  });
});

describe('scores', () => {
  it('brier: (p − o)² — 0.7 for something that happened scores 0.09, for something that did not 0.49', () => {
    expect(brier(0.7, true)).toBeCloseTo(0.09, 12);
    expect(brier(0.7, false)).toBeCloseTo(0.49, 12);
    expect(brier(0.5, false)).toBeCloseTo(0.25, 12);
  });

  it('logScore: ln of the probability given to what happened, clamped at 0.01', () => {
    expect(logScore(0.8, true)).toBeCloseTo(Math.log(0.8), 12);
    expect(logScore(0.8, false)).toBeCloseTo(Math.log(0.2), 12);
    expect(logScore(1, false)).toBeCloseTo(Math.log(0.01), 12);
  });

  it('mean: of three Brier scores by hand, (0.09 + 0.49 + 0.04) / 3 = 0.20666…', () => {
    expect(mean([brier(0.7, true), brier(0.7, false), brier(0.2, false)])).toBeCloseTo(0.62 / 3, 12);
    expect(mean([])).toBeNull();
  });

  it('forecastAt: the latest forecast dated by the day, whatever the order written', () => {
    const fs = [
      { date: '2025-06-01', p: 0.6 },
      { date: '2024-10', p: 0.3 },
      { date: '2025', p: 0.45 },
    ];
    expect(forecastAt(fs, '2024-10-31')?.p).toBe(0.3);
    expect(forecastAt(fs, '2025-03-01')?.p).toBe(0.45);
    expect(forecastAt(fs, '2025-07-01')?.p).toBe(0.6);
    expect(forecastAt(fs, '2024-09-30')).toBeUndefined();
  });
});

describe('rewindCase', () => {
  const base = {
    actors: [],
    places: [],
    issues: [],
    stances: [],
    claims: [],
    quantities: [],
    concepts: [],
    edges: [],
    stakes: [],
    hypotheses: [],
    evidence: [],
    indicators: [],
    scenarios: [],
    dir: '.',
    meta: { id: 'x', title: note, question: note },
    files: [],
    locate: () => ({}),
  } as unknown as LoadedCase;
  const c: LoadedCase = {
    ...base,
    events: [
      { id: 'old', date: '2024-01', type: 'attack', title: note, actors: [], places: [], cite: [{ doc: 'old.txt', quote: 'old news' }] },
      { id: 'later-news', date: '2024-02', type: 'attack', title: note, actors: [], places: [], cite: [{ doc: 'new.txt', quote: 'new news' }] },
      { id: 'plan', date: '2026-09', type: 'deadline', title: note, actors: [], places: [], cite: [{ doc: 'old.txt', quote: 'old news' }] },
    ],
    commitments: [
      {
        ...commitment('m', '2025-09', [
          ['2024-09-27', 0],
          ['2026-01-17', 3],
        ]),
        cite: [{ doc: 'old.txt', quote: 'old news' }],
      },
    ],
  };
  const published = new Map([
    ['old.txt', '2024-03-01'],
    ['new.txt', '2025-06'],
  ]);

  it('rewindCase: keeps what a document published by then states, and deadlines known as plans', () => {
    const r = rewindCase(c, '2024-10-31', published);
    expect(r.events.map((e) => e.id)).toEqual(['old', 'plan']);
    expect(r.commitments[0]!.history.map((h) => h.score)).toEqual([0]);
  });

  it('rewindCase: a later date sees the later report and the later status entry', () => {
    const r = rewindCase(c, '2026-02', published);
    expect(r.events.map((e) => e.id)).toEqual(['old', 'later-news', 'plan']);
    expect(r.commitments[0]!.history.map((h) => h.score)).toEqual([0, 3]);
  });
});
