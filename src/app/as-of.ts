/**
 * "As of" a date, once for every operation: the day a request means (its `asOf`, a partial date
 * meaning its last day; else the case's own `as_of` when a case pins one; else today by the
 * workbench's clock) and the case rewound to it (case/rewind.ts). Rewinding to a day before today
 * needs the documents' publication dates, so it opens the store; today's case does not.
 */
import type { LoadedCase } from '../case/load.js';
import { rewindCase, type PublishedDates } from '../case/rewind.js';
import { asOfDay, dayOf, todayOf } from '../domain/dates.js';
import type { Workbench } from './workbench.js';

/** The day (`YYYY-MM-DD`) a request's `asOf` means for a case. */
export function asOfFor(c: LoadedCase, clock: () => Date, asOf?: string): string {
  if (asOf) return dayOf(asOfDay(asOf));
  if (c.meta.as_of) return dayOf(asOfDay(c.meta.as_of));
  return todayOf(clock());
}

/** Publication dates of the stored documents, by file name. */
export async function publishedDates(wb: Workbench): Promise<PublishedDates> {
  const docs = await (await wb.store()).listDocuments();
  return new Map(docs.map((d) => [d.file, d.published]));
}

/**
 * Rewound cases by loaded case and day: the same object for the same question, so what is
 * computed from a case once (the bottom line's simulation) is reused. A new revision of the case
 * is a new loaded case; an item citing a newly ingested document is such a revision.
 */
const rewound = new WeakMap<LoadedCase, Map<string, LoadedCase>>();

/** The case as known on the day `asOf` means, with that day. */
export async function caseAt(wb: Workbench, asOf?: string): Promise<{ case: LoadedCase; asOf: string }> {
  const c = await wb.case();
  const day = asOfFor(c, wb.clock, asOf);
  let byDay = rewound.get(c);
  if (!byDay) rewound.set(c, (byDay = new Map()));
  let at = byDay.get(day);
  if (!at) {
    // Documents published after today are not expected; only an earlier day needs their dates.
    const earlier = asOfDay(day) < asOfDay(todayOf(wb.clock()));
    at = rewindCase(c, day, earlier ? await publishedDates(wb) : new Map());
    byDay.set(day, at);
  }
  return { case: at, asOf: day };
}
