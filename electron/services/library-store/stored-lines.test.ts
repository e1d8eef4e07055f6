import { describe, expect, it } from 'vitest';
import { asItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { createdItemBytes, expectNewItem, keptLinesForWrite, storedItemLine } from './stored-lines.ts';

const item = (n: number): Item => ({ ...makeTestItem(n), id: asItemId(`it_kept${n}`) });

describe("a new item's line, made once for library.json and the change log", () => {
  it('is made by the log and copied by the next library.json write, or the other way round', () => {
    const first = item(1);
    const second = item(2);
    expectNewItem(first);
    expectNewItem(second);
    const logged = createdItemBytes(first);
    expect(logged.toString('utf8')).toBe(storedItemLine(first));
    const write = keptLinesForWrite();
    expect(write.bytes(first)).toBe(logged);
    const written = write.bytes(second);
    write.done();
    expect(written?.toString('utf8')).toBe(storedItemLine(second));
    // The log comes after the write: it gets the bytes the write made.
    expect(createdItemBytes(second)).toBe(written);
  });

  it('is dropped once both files have it, and a line no write used is dropped by the next one', () => {
    const done = item(3);
    const replaced = item(4);
    expectNewItem(done);
    expectNewItem(replaced);
    const bytes = createdItemBytes(done);
    createdItemBytes(replaced);
    const first = keptLinesForWrite();
    expect(first.bytes(done)).toBe(bytes);
    first.done();
    // Neither file wants it again: the log makes a new line, a write makes its own text.
    expect(createdItemBytes(done)).not.toBe(bytes);
    const second = keptLinesForWrite();
    expect(second.bytes(done)).toBeNull();
    // `replaced` was never written by the first write (an edit replaced it first): gone with it.
    expect(second.bytes(replaced)).toBeNull();
    second.done();
  });

  it('is only kept for items announced as new', () => {
    const old = item(5);
    const a = createdItemBytes(old);
    expect(createdItemBytes(old)).not.toBe(a);
    const write = keptLinesForWrite();
    expect(write.bytes(old)).toBeNull();
    write.done();
  });
});
