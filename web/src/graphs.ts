/**
 * Cytoscape.js set-up shared by the graph pages: the fcose layout, disposal on navigation and
 * mirroring for right-to-left pages.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { isRtl } from './i18n.js';
import type { PageContext } from './page.js';

cytoscape.use(fcose);
export { cytoscape };

// Cytoscape injects a <style> element (refused by our CSP) unless an element with this id
// exists; the one rule it would add lives in styles.css instead.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
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
