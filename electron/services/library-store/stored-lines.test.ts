import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { asItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { createdItemLine, expectNewItem, keptLinesForWrite, storedItemLine } from './stored-lines.ts';

const item = (n: number): Item => ({ ...makeTestItem(n), id: asItemId(`it_kept${n}`) });

describe("a new item's line, made once for library.json and the change log", () => {
  it('is made by the log and copied by the next library.json write, or the other way round', () => {
    const first = item(1);
    const second = item(2);
    expectNewItem(first);
    expectNewItem(second);
    const logged = createdItemLine(first);
    expect(Buffer.isBuffer(logged) && logged.toString('utf8')).toBe(storedItemLine(first));
    const write = keptLinesForWrite();
    expect(write.bytes(first)).toBe(logged);
    const written = write.bytes(second);
    write.done();
    expect(written?.toString('utf8')).toBe(storedItemLine(second));
    // The log comes after the write: it gets the bytes the write made.
    expect(createdItemLine(second)).toBe(written);
  });

  it('is dropped once both files have it, and a line no write used is dropped by the next one', () => {
    const done = item(3);
    const replaced = item(4);
    expectNewItem(done);
    expectNewItem(replaced);
    const bytes = createdItemLine(done);
    createdItemLine(replaced);
    const first = keptLinesForWrite();
    expect(first.bytes(done)).toBe(bytes);
    first.done();
    // Neither file wants it again: the log makes its own text, and so does a write.
    expect(createdItemLine(done)).toBe(storedItemLine(done));
    const second = keptLinesForWrite();
    expect(second.bytes(done)).toBeNull();
    // `replaced` was never written by the first write (an edit replaced it first): gone with it.
    expect(second.bytes(replaced)).toBeNull();
    second.done();
  });

  it('is only kept for items announced as new', () => {
    const old = item(5);
    // The text itself, not bytes kept for a library.json write.
    expect(createdItemLine(old)).toBe(storedItemLine(old));
    const write = keptLinesForWrite();
    expect(write.bytes(old)).toBeNull();
    write.done();
  });
});
