import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { TextFileWriter } from './text-writer.ts';

describe('TextFileWriter', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('text-writer'));
  });
  afterEach(async () => {
    await remove();
  });

  async function written(parts: Array<string | Uint8Array>): Promise<{ bytes: Buffer; size: number; hash: string }> {
    const path = join(dir, 'out.txt');
    const fh = await open(path, 'w');
    const hash = createHash('sha256');
    const writer = new TextFileWriter(fh, (bytes) => hash.update(bytes));
    for (const part of parts) await (typeof part === 'string' ? writer.write(part) : writer.writeBytes(part));
    await writer.end();
    await fh.close();
    return { bytes: await readFile(path), size: writer.size, hash: hash.digest('hex') };
  }

  it('writes exactly the UTF-8 of the text, with pairs split across piece boundaries kept whole', async () => {
    // After one ASCII letter, every astral character (two UTF-16 units) starts at an odd offset: one straddles each 32k boundary.
    const text = `a${'𝔉'.repeat(20_000)}é${'𝔉'.repeat(20_000)}`;
    const expected = Buffer.from(text + '\n' + text, 'utf8');
    const out = await written([text, '\n', text]);
    expect(out.bytes.equals(expected)).toBe(true);
    expect(out.size).toBe(expected.length);
    expect(out.hash).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('writes bytes already encoded in order with the text around them, across buffers', async () => {
    const big = Buffer.from('ß'.repeat(1_300_000), 'utf8');
    const parts: Array<string | Uint8Array> = ['head é', big, ',\n', Buffer.from('{"x":1}'), 'x'.repeat(40_000), big.subarray(5, 900_001), 'end'];
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    const out = await written(parts);
    expect(out.bytes.equals(expected)).toBe(true);
    expect(out.size).toBe(expected.length);
    expect(out.hash).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('writes many small pieces in order, and nothing for no text', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `{"n":${i},"t":"ü${'x'.repeat(i % 50)}"}\n`);
    const out = await written(lines);
    expect(out.bytes.toString('utf8')).toBe(lines.join(''));
    expect((await written([])).size).toBe(0);
  });

  it('writes three-byte characters across several full buffers, and a lone surrogate as U+FFFD, as TextEncoder does', async () => {
    // 400k characters of 3 bytes each: every 32k piece takes the most room a piece can, over several 1 MiB buffers.
    const text = `${'€'.repeat(400_000)}\ud800x\udc00${'€'.repeat(10)}\ud83d`;
    const out = await written([text]);
    expect(out.bytes.equals(new TextEncoder().encode(text))).toBe(true);
    expect(out.size).toBe(out.bytes.length);
  });

  it('reports a failed write from the next write or from end(), never as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const fh = await open(join(dir, 'fails.txt'), 'w');
      let calls = 0;
      const failing = new Proxy(fh, {
        get(target, prop, receiver) {
          if (prop !== 'write') return Reflect.get(target, prop, receiver) as unknown;
          return async (...args: Parameters<typeof fh.write>) => {
            calls++;
            // The second buffer's write fails while the third is being filled.
            if (calls === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
            return target.write(...args);
          };
        },
      });
      const writer = new TextFileWriter(failing);
      const run = async (): Promise<void> => {
        for (let i = 0; i < 10; i++) await writer.write('x'.repeat(400_000));
        await writer.end();
      };
      await expect(run()).rejects.toMatchObject({ code: 'ENOSPC' });
      await fh.close();
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
