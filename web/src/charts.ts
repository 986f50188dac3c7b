/**
 * ECharts and Cytoscape set-up shared by the pages: disposal on navigation, resizing, and the
 * mirroring right-to-left needs (time runs leftwards, category axes sit on the right, legends
 * start at the right). Tooltips render as rich text on the canvas, so no data becomes HTML and
 * no inline style is needed under the CSP.
 */
import * as echarts from 'echarts';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { isRtl } from './i18n.js';
import type { PageContext } from './page.js';

cytoscape.use(fcose);

// Cytoscape injects a <style> element (refused by our CSP) unless an element with this id
// exists; the one rule it would add lives in styles.css instead.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}
export { cytoscape, echarts };

export function makeChart(el: HTMLElement, ctx: PageContext): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  ctx.onLeave(() => {
    observer.disconnect();
    chart.dispose();
  });
  return chart;
}

/** Options every chart shares: font, rich-text tooltip, mirrored legend. */
export function base(): echarts.EChartsCoreOption {
  const rtl = isRtl();
  return {
    textStyle: { fontFamily: rtl ? 'Noto Naskh Arabic, Noto Sans, serif' : 'Noto Sans, Noto Naskh Arabic, sans-serif' },
    tooltip: { renderMode: 'richText', confine: true },
    legend: { top: 0, ...(rtl ? { right: 10 } : { left: 10 }) },
    grid: { top: 40, bottom: 40, containLabel: true, left: 20, right: 20 },
    animation: false,
  };
}

/** A value axis drawn from right to left when the page is RTL. */
export function mirrored<T extends object>(axis: T): T & { inverse: boolean } {
  return { ...axis, inverse: isRtl() };
}

/** Where a category axis sits: at the start side of the reading direction. */
export function startSide(): 'left' | 'right' {
  return isRtl() ? 'right' : 'left';
}

export function makeGraph(el: HTMLElement, ctx: PageContext, options: cytoscape.CytoscapeOptions): cytoscape.Core {
  const cy = cytoscape({ container: el, layout: { name: 'preset' }, ...options });
  ctx.onLeave(() => cy.destroy());
  return cy;
}

/** fcose layout mirrored for RTL so the graph reads the same way as the page. */
export function runLayout(cy: cytoscape.Core, extra: Record<string, unknown> = {}): void {
  cy.layout({ name: 'fcose', animate: false, randomize: true, nodeSeparation: 90, idealEdgeLength: 110, seed: 1, ...extra } as cytoscape.LayoutOptions).run();
  if (isRtl()) {
    const bb = cy.elements().boundingBox();
    cy.nodes().positions((n) => ({ x: bb.x1 + bb.x2 - n.position('x'), y: n.position('y') }));
    cy.fit(undefined, 30);
  }
}
