import type { QueryNode } from './query-ast.ts';

const bound = (n: number | null): string => (n === null ? '*' : String(n));
const day = (ms: number | null): string => (ms === null ? '*' : new Date(ms).toISOString().slice(0, 10));

/** A compact, stable form of a query tree: for tests, logs and the CLI's --explain. */
export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'and': return `(and ${node.children.map(printQuery).join(' ')})`;
    case 'or': return `(or ${node.children.map(printQuery).join(' ')})`;
    case 'not': return `(not ${printQuery(node.child)})`;
    case 'text': return `${node.field ?? 'any'}${node.phrase ? `="${node.text}"` : `~${node.text}`}`;
    case 'exact': return `${node.field}=${node.value}${node.prefix ? '*' : ''}`;
    case 'range': return `${node.field}[${bound(node.range.min)},${bound(node.range.max)}]`;
    case 'date': return `${node.field}[${day(node.range.from)},${day(node.range.until)})`;
    case 'is': return `is:${node.value}`;
    case 'has': return `has:${node.value}`;
    case 'related': return `related:${node.key}`;
    case 'all': return 'all';
  }
}
