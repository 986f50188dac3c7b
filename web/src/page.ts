/** What every page receives, and how it registers what must be torn down on navigation. */
import type { Route } from './router.js';

export interface PageContext {
  route: Route;
  /** Called on the next navigation: dispose charts, graphs, timers. */
  onLeave(fn: () => void): void;
  /** False once the user navigated away: async work checks it before touching the DOM. */
  alive(): boolean;
  /**
   * Work the page finishes after it is ready (a map drawn after the text): the page is
   * "settled" (`body[data-settled]`) once it is done, failed or not.
   */
  defer(work: Promise<unknown>): void;
}

export type Page = (root: HTMLElement, ctx: PageContext) => Promise<void>;
