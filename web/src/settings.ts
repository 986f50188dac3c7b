/**
 * The reader's display settings, kept in localStorage: which digits each language shows
 * (Latin 0–9 or Arabic-Indic ٠–٩) and which Arabic month names (يناير… as in Egypt and the
 * Gulf, or كانون الثاني… as in Iraq and the Levant). Unknown stored values fall back to the
 * defaults, so a hand-edited entry cannot break the app.
 */
export type Numerals = 'latn' | 'arab';
export type MonthStyle = 'egypt' | 'levant';

export interface Settings {
  /** Digits per UI language. Default Latin for both: the sources write their figures with them. */
  numerals: { ar: Numerals; en: Numerals };
  /** Arabic month names. Default `egypt` (يناير، فبراير…). */
  months: MonthStyle;
}

export const DEFAULTS: Settings = { numerals: { ar: 'latn', en: 'latn' }, months: 'egypt' };

const KEY = 'marsad:settings';
let current: Settings | undefined;
const listeners: Array<() => void> = [];

function maybeNumerals(x: unknown, fallback: Numerals): Numerals {
  return x === 'latn' || x === 'arab' ? x : fallback;
}

export function settings(): Settings {
  if (current) return current;
  let stored: Partial<Settings> & { numerals?: Partial<Settings['numerals']> } = {};
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') ?? {};
  } catch (error) {
    // A corrupt entry is replaced by the defaults on the next save; say so once.
    console.warn('marsad: ignoring unreadable settings', error);
  }
  current = {
    numerals: { ar: maybeNumerals(stored.numerals?.ar, DEFAULTS.numerals.ar), en: maybeNumerals(stored.numerals?.en, DEFAULTS.numerals.en) },
    months: stored.months === 'levant' || stored.months === 'egypt' ? stored.months : DEFAULTS.months,
  };
  return current;
}

export function saveSettings(next: Settings): void {
  current = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  for (const fn of listeners) fn();
}

export function onSettingsChange(fn: () => void): void {
  listeners.push(fn);
}
