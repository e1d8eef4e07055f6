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
});
