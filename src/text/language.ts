/** Language of a text by the proportion of its letters in each script. */

export type Language = 'ar' | 'en' | 'und';

/**
 * 'ar' when Arabic-script letters are at least half the letters, 'en' when Latin letters are,
 * 'und' when there are no letters or another script dominates. Digits and punctuation are
 * ignored; long texts are sampled (first 20,000 code units suffice for a verdict).
 */
export function detectLanguage(text: string): Language {
  const n = Math.min(text.length, 20_000);
  let arabic = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) {
      latin++;
    } else if (
      ((c >= 0x0620 && c <= 0x063f) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff)) ||
      (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc)
    ) {
      arabic++;
    } else if (c > 0x24f && /\p{L}/u.test(text[i])) {
      other++;
    }
  }
  const letters = arabic + latin + other;
  if (letters === 0) return 'und';
  if (arabic * 2 >= letters) return 'ar';
  if (latin * 2 >= letters) return 'en';
  return 'und';
}
