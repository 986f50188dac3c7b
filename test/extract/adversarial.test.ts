/**
 * extractDocument on 1 MB of adversarial date-like text, one kind per test: every kind ends
 * (the date pass used to be quadratic: each match searched the whole text before it for a full
 * stop, and checked every date found so far for overlap). The time is printed by
 * bench/extract-adversarial.js, never asserted; the generous timeout only stops a hang.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase, type LoadedCase } from '../../src/case/load.js';
import { extractDocument } from '../../src/extract/index.js';
import { ADVERSARIAL } from '../../bench/extract-support/adversarial-text.js';

let c: LoadedCase;
beforeAll(async () => {
  c = await loadCase(new URL('../../cases/iraq-withdrawal', import.meta.url).pathname);
});

describe('extractDocument on 1 MB of adversarial text', () => {
  for (const [kind, make] of Object.entries(ADVERSARIAL)) {
    it(`extractDocument finishes on 1 MB of ${kind}`, () => {
      const text = make(1_000_000);
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1_000_000);
      const r = extractDocument(text, { case: c, publishedDate: '2024-10-01' });
      // Runs of digits are not dates; the other kinds are full of them.
      if (/digits|dashed/.test(kind)) expect(r.dates).toEqual([]);
      else expect(r.dates.length).toBeGreaterThan(1000);
    }, 180_000);
  }
});
