/** A page-tree node: page indexes (0-based) or child nodes, as many pages under it as `count`. */
export interface TreeNode {
  readonly kids: readonly (TreeNode | number)[];
  readonly count: number;
}

/**
 * A balanced tree: at most `fanout` kids a node, leaves at one depth, siblings of (nearly) equal size,
 * so a reader must walk intermediate /Pages nodes once there are more pages than `fanout`.
 */
export function pageTreeShape(pages: number, fanout: number, first = 0): TreeNode {
  if (pages <= fanout) return { kids: Array.from({ length: pages }, (_, i) => first + i), count: pages };
  let cap = fanout;
  while (cap * fanout < pages) cap *= fanout;
  const parts = Math.ceil(pages / cap);
  const base = Math.floor(pages / parts);
  const extra = pages % parts;
  const kids: TreeNode[] = [];
  let next = first;
  for (let i = 0; i < parts; i++) {
    const size = base + (i < extra ? 1 : 0);
    kids.push(pageTreeShape(size, fanout, next));
    next += size;
  }
  return { kids, count: pages };
}

/** The tree with one more page appended to its rightmost leaf, as an editor adding a page does. */
export function appendPage(node: TreeNode, page: number): TreeNode {
  const last = node.kids[node.kids.length - 1];
  if (last === undefined || typeof last === 'number')
    return { kids: [...node.kids, page], count: node.count + 1 };
  return { kids: [...node.kids.slice(0, -1), appendPage(last, page)], count: node.count + 1 };
}
