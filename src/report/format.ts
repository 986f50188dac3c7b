/** Dates at their real precision and numbers, per language. Deterministic: UTC, fixed locales. */
import type { Claim } from '../domain/case.js';
import { dateValueOf, qualifierOf, type PartialDate } from '../domain/dates.js';
import { term } from '../domain/vocabulary.js';
import type { Lang } from './briefing.js';

// Latin digits in Arabic too: the sources write their figures and dates with them.
const LOCALE: Record<Lang, string> = { ar: 'ar-u-nu-latn', en: 'en-GB' };

export function formatDate(date: PartialDate, lang: Lang): string {
  const value = dateValueOf(date);
  const qualifier = qualifierOf(date);
  const [y, m, d] = value.split('-').map(Number);
  let text: string;
  if (d) {
    text = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
      Date.UTC(y, m - 1, d),
    );
  } else if (m) {
    text = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(y, m - 1, 1));
  } else {
    text = String(y);
  }
  return qualifier ? `${term('dateQualifier', qualifier, lang)} ${text}` : text;
}

export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

export function formatSigned(x: number, lang: Lang, digits = 3): string {
  const s = formatNumber(Math.abs(x), lang, digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/**
 * A sequence or a causal step ("A → B") in the briefing's reading direction: in Arabic the arrow
 * points leftwards (A ← B), since right-to-left text lays "A → B" out as B then A, pointing back.
 */
export function formatSequence(parts: readonly string[], lang: Lang): string {
  return parts.join(lang === 'ar' ? ' ← ' : ' → ');
}

export function formatPercent(p: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** "more than 150 attacks", "5,000–7,000 troops". */
export function formatClaimValue(claim: Pick<Claim, 'value' | 'qualifier' | 'unit'>, lang: Lang): string {
  const v = claim.value;
  const digits = (x: number) => (Number.isInteger(x) ? 0 : 2);
  const number =
    typeof v === 'number'
      ? formatNumber(v, lang, digits(v))
      : `${formatNumber(v.low, lang, digits(v.low))}–${formatNumber(v.high, lang, digits(v.high))}`;
  const q = term('figureQualifier', claim.qualifier ?? 'exact', lang);
  return [q, number, claim.unit].filter(Boolean).join(' ');
}

export function formatPeriod(period: Claim['period'], lang: Lang): string {
  if (!period || (!period.from && !period.to)) return lang === 'ar' ? 'غير محددة' : 'unspecified';
  const from = period.from ? formatDate(period.from, lang) : '…';
  const to = period.to ? formatDate(period.to, lang) : '…';
  return `${from} – ${to}`;
}
