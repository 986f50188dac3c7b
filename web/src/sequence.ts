/**
 * Sequences and causal arrows in the reading direction of the UI language. "A → B" typed into
 * right-to-left text displays as "B → A" — pointing back at A — because the arrow is a neutral
 * character that the bidi algorithm lays out with its neighbours. So every arrow the app shows
 * comes from here: each label is isolated (`<bdi>` in HTML, FSI…PDI on a canvas) and the arrow
 * is the one that points along the reading direction (← in Arabic, → in English).
 */
import { bdi, h, neutraliseBidi } from './dom.js';
import { isRtl, t } from './i18n.js';

/** The arrow that points from an earlier item to a later one in the current reading direction. */
export function arrow(): string {
  return isRtl() ? '←' : '→';
}

/**
 * "A → B → C" as DOM: each label in its own `<bdi>`, arrows between them. Screen readers hear
 * "A leads to B" instead of an arrow's name; `loop` repeats the first label at the end.
 */
export function seq(labels: Array<string | Node>, options: { loop?: boolean; cls?: string } = {}): HTMLElement {
  const items = options.loop && labels.length ? [...labels, typeof labels[0] === 'string' ? labels[0] : labels[0].cloneNode(true)] : labels;
  const el = h('span', { class: `seq${options.cls ? ` ${options.cls}` : ''}` });
  items.forEach((item, i) => {
    if (i > 0) {
      el.append(' ', h('span', { class: 'arrow', 'aria-hidden': 'true' }, arrow()), h('span', { class: 'sr-only' }, ` ${t('arrowWord')} `), ' ');
    }
    el.append(typeof item === 'string' ? bdi(item, 'seq-item') : h('bdi', { class: 'seq-item', dir: 'auto' }, item));
  });
  return el;
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The same sequence as one string for canvas text (chart axis labels, graph labels), where no
 * element can isolate: each label is wrapped in first-strong isolates after any bidi control it
 * carried was dropped, so a hostile label cannot reorder the rest.
 */
export function seqText(labels: string[]): string {
  return labels.map((l) => `${FSI}${neutraliseBidi(l)}${PDI}`).join(` ${arrow()} `);
}
