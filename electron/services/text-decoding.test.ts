import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-decoding.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeTextFile', () => {
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('@article{k, title={Müller}}')]);
    expect(decodeTextFile(bytes, 'a.bib')).toEqual({ text: '@article{k, title={Müller}}', encoding: 'utf-8' });
  });

  it('reads a Latin-1 file as Windows-1252 with a warning, never U+FFFD', () => {
    const bytes = new Uint8Array([...enc('title={M'), 0xfc, ...enc('ller '), 0x93, ...enc('q'), 0x94, ...enc('}')]);
    const decoded = decodeTextFile(bytes, 'old.bib');
    expect(decoded.text).toBe('title={Müller “q”}');
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.warning).toMatch(/old\.bib: not valid UTF-8; read as Windows-1252/);
  });

  it("honours JabRef's % Encoding: header", () => {
    const bytes = new Uint8Array([...enc('% Encoding: ISO8859_1\n@misc{k, title={Andr'), 0xe9, ...enc('}}')]);
    expect(decodeTextFile(bytes, 'j.bib')).toMatchObject({ text: '% Encoding: ISO8859_1\n@misc{k, title={André}}', encoding: 'iso-8859-1' });
  });

  it('refuses a file that declares UTF-8 but is not, naming the file and byte', () => {
    const bytes = new Uint8Array([...enc('% Encoding: UTF-8\ntitle={M'), 0xfc, ...enc('}')]);
    expect(() => decodeTextFile(bytes, 'bad.bib')).toThrow(/bad\.bib: not valid utf-8 near byte 26/);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
    expect(decodeTextFile(bytes, 'w.bib').text).toBe('Aé');
  });

  it('reads a UTF-8 file with a few bad bytes as UTF-8, keeps everything else right, and names each bad byte with its line', () => {
    const bytes = new Uint8Array([
      ...enc('@article{a, author={Müller, Jürgen},\n'),
      ...enc('  title={Straße}},\n'),
      ...enc('@misc{b, title={caf'), 0xe9, ...enc(' au lait}}\n'),
      ...enc('@misc{c, title={x'), 0xff, ...enc('}}\n'),
    ]);
    const decoded = decodeTextFile(bytes, 'mixed.bib');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('author={Müller, Jürgen}');
    expect(decoded.text).toContain('title={Straße}');
    expect(decoded.text).toContain('title={caf\uFFFD au lait}');
    expect(decoded.text).not.toContain('Ã');
    expect(decoded.warning).toBe('mixed.bib: not valid UTF-8 at line 3 (byte 0xE9) and line 4 (byte 0xFF); those bytes were read as U+FFFD, the rest as UTF-8');
  });

  it('still reads a real Windows-1252 file as Windows-1252, even with one accidental UTF-8 sequence', () => {
    const bytes = new Uint8Array([...enc('title={M'), 0xfc, ...enc('ller, Andr'), 0xe9, ...enc(', na'), 0xef, ...enc('ve, '), 0xc3, 0xa9, ...enc('}')]);
    const decoded = decodeTextFile(bytes, 'old.bib');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('title={Müller, André, naïve, Ã©}');
  });
});
