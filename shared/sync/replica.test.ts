import { describe, expect, it } from 'vitest';
import { encodeHlc } from './hlc.ts';
import type { SyncOp } from './operations.ts';
import { Replica } from './replica.ts';
import { itemHistory, registerConflicts } from './history.ts';
import { materialiseLibrary } from './materialise.ts';
import { readOpLines } from './op-lines.ts';
import { operationProblem } from './op-validate.ts';

const ts = (wall: number, device = 'dev-a', counter = 0) => encodeHlc({ wall, counter, device });
const create = (at: string, id = 'it_1', key = 'smith2020'): SyncOp => ({
  ts: at, chg: at, e: 'item', id, k: 'create',
  v: { citationKey: key, keyPinned: false, csl: { type: 'book', title: 'T' }, tags: ['a'], collections: [], read: 'unread', rating: 0, flagged: false, addedAt: '', modifiedAt: '', trashedAt: null, attachments: [], note: null, annotations: [] },
});
const set = (at: string, f: string, v: string, prev?: string[]): SyncOp => ({ ts: at, chg: at, e: 'item', id: 'it_1', k: 'set', f, v, ...(prev ? { prev } : {}) });

describe('replica', () => {
  it('keeps both edits of different fields, and the later of the same field, in any order', () => {
    const c = create(ts(1));
    const ops = [c, set(ts(5, 'dev-a'), 'csl.title', 'A', [c.ts]), set(ts(5, 'dev-b'), 'csl.title', 'B', [c.ts]), set(ts(3, 'dev-b'), 'read', 'read', [c.ts])];
    const forward = new Replica();
    const backward = new Replica();
    for (const op of ops) forward.apply(op);
    for (const op of [...ops].reverse()) { backward.apply(op); backward.apply(op); }
    const item = materialiseLibrary(forward).items.get('it_1' as never);
    expect(item?.csl.title).toBe('B');
    expect(item?.read).toBe('read');
    expect(JSON.stringify([...materialiseLibrary(backward).items.values()])).toBe(JSON.stringify([...materialiseLibrary(forward).items.values()]));
  });

  it('reports a concurrent write as a conflict, a deliberate overwrite not', () => {
    const r = new Replica();
    const c = create(ts(1));
    r.apply(c);
    const a = set(ts(5, 'dev-a'), 'csl.title', 'A', [c.ts]);
    expect(r.apply(a).conflict).toBeNull();
    expect(r.apply(set(ts(6, 'dev-a'), 'csl.title', 'A2', [a.ts])).conflict).toBeNull();
    const b = set(ts(4, 'dev-b'), 'csl.title', 'B', [c.ts]);
    expect(r.apply(b).conflict).toMatchObject({ loserValue: 'B', winnerValue: 'A2' });
  });

  it('makes a purge final', () => {
    const r = new Replica();
    r.apply(create(ts(1)));
    r.apply({ ts: ts(2, 'dev-b'), chg: ts(2, 'dev-b'), e: 'item', id: 'it_1', k: 'delete' });
    r.apply(set(ts(9), 'csl.title', 'late'));
    expect(materialiseLibrary(r).items.size).toBe(0);
  });

  it('gives a colliding key the next suffix, the first created keeping it', () => {
    const r = new Replica();
    r.apply(create(ts(10, 'dev-b'), 'it_b'));
    r.apply(create(ts(5, 'dev-a'), 'it_a'));
    const items = materialiseLibrary(r).items;
    expect(items.get('it_a' as never)?.citationKey).toBe('smith2020');
    expect(items.get('it_b' as never)?.citationKey).toBe('smith2020a');
  });
});

describe('history', () => {
  it('marks the loser of a same-field conflict and settles it on resolve', () => {
    const c = create(ts(1));
    const a = set(ts(5, 'dev-a'), 'csl.title', 'A', [c.ts]);
    const b = set(ts(6, 'dev-b'), 'csl.title', 'B', [c.ts]);
    const conflicts = registerConflicts([b, a]);
    expect(conflicts.get(b.ts)).toMatchObject({ loser: a, open: true });
    const resolve: SyncOp = { ...set(ts(7, 'dev-a'), 'csl.title', 'B', [b.ts, a.ts]), via: 'resolve', of: b.ts };
    expect(registerConflicts([a, b, resolve]).get(b.ts)?.open).toBe(false);
    const entries = itemHistory([c, a, b, resolve]);
    expect(entries.map((e) => e.field)).toEqual(['title', 'title', 'title', 'create']);
    expect(entries[1]?.conflict?.other.ts).toBe(a.ts);
  });
});

describe('reading another device\'s log', () => {
  const good = JSON.stringify(set(ts(5, 'dev-b'), 'csl.title', 'ok'));
  it('waits for a torn last line', () => {
    const read = readOpLines(`${good}\n${good.slice(0, 20)}`, 'dev-b');
    expect(read.ops).toHaveLength(1);
    expect(read.consumed).toBe(good.length + 1);
  });

  it('rejects hostile records by line and goes on', () => {
    const proto = good.replace('"v":"ok"', '"v":{"__proto__":{"polluted":true}}');
    const other = JSON.stringify(set(ts(5, 'dev-c'), 'csl.title', 'spoof'));
    const path = JSON.stringify({ ts: ts(6, 'dev-b'), chg: ts(6, 'dev-b'), e: 'item', id: 'it_1', k: 'elem', f: 'attachments', key: 'att_1', v: { id: 'att_1', path: '../../etc/passwd', fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), addedAt: '' } });
    const big = JSON.stringify(set(ts(7, 'dev-b'), 'csl.abstract', 'x'.repeat(5 * 1024 * 1024)));
    const read = readOpLines([proto, other, 'not json', path, big, good].join('\n') + '\n', 'dev-b');
    expect(read.ops).toHaveLength(1);
    expect(read.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(read.problems[0]?.message).toMatch(/__proto__/);
    expect(read.problems[1]?.message).toMatch(/device dev-c/);
    expect(read.problems[3]?.message).toMatch(/outside the library/);
    expect(read.problems[4]?.message).toMatch(/characters/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('shared auto-export targets from another device', () => {
  const ts = '001764633600000-000000-dev-b';
  const op = (v: unknown) => ({ ts, chg: ts, e: 'settings', id: 'library', k: 'elem', f: 'autoExports', key: 'ax_1', v });
  const target = { id: 'ax_1', path: '/home/me/paper/refs.bib', format: 'bibtex', collectionId: null, shared: true };
  it('takes a bibliography file, or its removal', () => {
    expect(operationProblem(op(target), 'dev-b')).toBeNull();
    expect(operationProblem(op(null), 'dev-b')).toBeNull();
  });
  it('refuses a target that would make this device write anything but a bibliography file', () => {
    expect(operationProblem(op({ ...target, path: '/home/me/.bashrc' }), 'dev-b')).toMatch(/not a bibliography/);
    expect(operationProblem(op({ ...target, path: 'refs.bib' }), 'dev-b')).toMatch(/absolute path/);
    expect(operationProblem(op({ ...target, path: '/home/me/../../etc/x.bib' }), 'dev-b')).toMatch(/\.\./);
    expect(operationProblem(op({ ...target, shared: false }), 'dev-b')).toMatch(/flag/);
    expect(operationProblem(op({ ...target, format: 'exe' }), 'dev-b')).toMatch(/format/);
  });
});
