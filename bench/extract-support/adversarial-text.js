// Adversarial date-like text of one kind, at least `bytes` long: the generators the extraction
// bench (bench/extract-adversarial.js) times and test/extract/adversarial.test.ts runs.

/** `unit` repeated to at least `bytes` bytes of UTF-8. */
const repeatTo = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

/** @type {Record<string, (bytes: number) => string>} */
export const ADVERSARIAL = {
  'month names without a full stop': (n) => repeatTo('في يناير ', n),
  'day month year runs': (n) => repeatTo('12 يناير 2024 و', n),
  'slashed digits': (n) => repeatTo('1/1/', n),
  'dashed years': (n) => repeatTo('2024-', n),
  'relative words': (n) => repeatTo('الشهر الماضي أمس ', n),
  'English months': (n) => repeatTo('last January 3rd, ', n),
};
