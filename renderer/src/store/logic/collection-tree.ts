import type { Collection } from '../../../../shared/model/collection.ts';
import type { CollectionId } from '../../../../shared/model/ids.ts';

export interface CollectionNode {
  collection: Collection;
  children: CollectionNode[];
}

/** One visible line of the sidebar tree. */
export interface CollectionLine {
  collection: Collection;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

const byName = (a: CollectionNode, b: CollectionNode): number =>
  a.collection.name.localeCompare(b.collection.name, undefined, { sensitivity: 'base', numeric: true });

/**
 * Nests collections under their parents, sorted by name. A collection whose
 * parent is missing (or that sits in a parent cycle a damaged file could hold)
 * is shown at the root rather than lost.
 */
export function buildCollectionTree(collections: readonly Collection[]): CollectionNode[] {
  const nodes = new Map<CollectionId, CollectionNode>();
  for (const c of collections) nodes.set(c.id, { collection: c, children: [] });
  const roots: CollectionNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.collection.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !isDescendant(collections, parent.collection.id, node.collection.id)) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: CollectionNode[]): void => {
    list.sort(byName);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** The lines to draw: children of collapsed nodes are left out. */
export function visibleCollectionLines(tree: readonly CollectionNode[], expanded: ReadonlySet<string>): CollectionLine[] {
  const out: CollectionLine[] = [];
  const walk = (nodes: readonly CollectionNode[], depth: number): void => {
    for (const node of nodes) {
      const isOpen = expanded.has(node.collection.id);
      out.push({ collection: node.collection, depth, hasChildren: node.children.length > 0, expanded: isOpen });
      if (isOpen) walk(node.children, depth + 1);
    }
  };
  walk(tree, 0);
  return out;
}

/** True when `candidate` is `ancestor` itself or lies below it. Stops on cycles. */
export function isDescendant(collections: readonly Collection[], candidate: CollectionId, ancestor: CollectionId): boolean {
  const parentOf = new Map(collections.map((c) => [c.id, c.parentId]));
  const seen = new Set<CollectionId>();
  let current: CollectionId | null | undefined = candidate;
  while (current) {
    if (current === ancestor) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

/** Whether dropping collection `moving` onto `target` (null = root) is a real, legal move. */
export function canMoveCollection(collections: readonly Collection[], moving: CollectionId, target: CollectionId | null): boolean {
  const current = collections.find((c) => c.id === moving);
  if (!current) return false;
  if (current.parentId === target) return false;
  return target === null || !isDescendant(collections, target, moving);
}

/** Ids of the collection's ancestors, root first: expanding them reveals it. */
export function ancestorIds(collections: readonly Collection[], id: CollectionId): CollectionId[] {
  const parentOf = new Map(collections.map((c) => [c.id, c.parentId]));
  const out: CollectionId[] = [];
  const seen = new Set<CollectionId>([id]);
  let current = parentOf.get(id) ?? null;
  while (current && !seen.has(current)) {
    out.unshift(current);
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return out;
}

/** "New Collection", or "New Collection 2", ... unused among the siblings. */
export function uniqueSiblingName(collections: readonly Collection[], parentId: CollectionId | null, base: string): string {
  const taken = new Set(collections.filter((c) => c.parentId === parentId).map((c) => c.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}
