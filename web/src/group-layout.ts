/**
 * A group-in-a-box layout for networks whose nodes fall into groups (actors by type or by
 * alliance): each group is a box holding its members on a grid, best-connected first, and the
 * boxes are packed in rows, largest first, starting at the reading side (right on an Arabic
 * page). Deterministic and linear in the number of nodes, so it needs no iterations and no
 * randomness; links are drawn across the boxes.
 */
export interface GroupInput { id: string; nodes: Array<{ id: string; degree: number }> }

export const DEFAULTS = {
  /** Width of one node's cell (its dot and its wrapped label), in px. */
  cellWidth: 130,
  /** Height of one node's cell, in px. */
  cellHeight: 62,
  /** Room above a box's first row for its title, in px. */
  header: 46,
  /** Gap between boxes, in px. */
  gap: 40,
};

/** Node centres (px). Group boxes follow their members (compound nodes size themselves). */
export function groupPositions(groups: GroupInput[], rtl: boolean, options: Partial<typeof DEFAULTS> = {}): Map<string, { x: number; y: number }> {
  const o = { ...DEFAULTS, ...options };
  const boxes = groups
    .filter((g) => g.nodes.length)
    .map((g) => {
      // Wider than tall: the page is wider than it is high.
      const cols = Math.max(1, Math.ceil(Math.sqrt(g.nodes.length * 1.8)));
      const rows = Math.ceil(g.nodes.length / cols);
      const nodes = [...g.nodes].sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
      return { id: g.id, nodes, cols, w: cols * o.cellWidth, h: rows * o.cellHeight + o.header };
    })
    .sort((a, b) => b.nodes.length - a.nodes.length || a.id.localeCompare(b.id));
  const area = boxes.reduce((sum, b) => sum + (b.w + o.gap) * (b.h + o.gap), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.6, ...boxes.map((b) => b.w));
  const positions = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.w > rowWidth) {
      x = 0;
      y += rowHeight + o.gap;
      rowHeight = 0;
    }
    b.nodes.forEach((n, i) => {
      const cx = x + (i % b.cols) * o.cellWidth + o.cellWidth / 2;
      const cy = y + o.header + Math.floor(i / b.cols) * o.cellHeight + o.cellHeight / 3;
      positions.set(n.id, { x: rtl ? rowWidth - cx : cx, y: cy });
    });
    x += b.w + o.gap;
    rowHeight = Math.max(rowHeight, b.h);
  }
  return positions;
}
