/** Where bytes that are not UTF-8 sit in a file, and how much of it is UTF-8 beyond ASCII. */
export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes: real UTF-8 text beyond ASCII. */
  multibyte: number;
  /** Each ill-formed sequence (WHATWG's "maximal subpart", one U+FFFD each) with its first byte and 1-based line. */
  bad: Array<{ offset: number; line: number; byte: number }>;
}

/** The range the byte after a lead byte must fall in, and how many continuation bytes follow. */
function leadOf(byte: number): { more: number; lo: number; hi: number } | null {
  if (byte >= 0xc2 && byte <= 0xdf) return { more: 1, lo: 0x80, hi: 0xbf };
  if (byte === 0xe0) return { more: 2, lo: 0xa0, hi: 0xbf };
  if (byte === 0xed) return { more: 2, lo: 0x80, hi: 0x9f };
  if (byte >= 0xe1 && byte <= 0xef) return { more: 2, lo: 0x80, hi: 0xbf };
  if (byte === 0xf0) return { more: 3, lo: 0x90, hi: 0xbf };
  if (byte === 0xf4) return { more: 3, lo: 0x80, hi: 0x8f };
  if (byte >= 0xf1 && byte <= 0xf3) return { more: 3, lo: 0x80, hi: 0xbf };
  return null;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, bad: [] };
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      if (byte === 0x0a) line++;
      i++;
      continue;
    }
    const lead = leadOf(byte);
    let taken = 1;
    let ok = lead !== null;
    if (lead) {
      for (let k = 1; k <= lead.more; k++) {
        const next = bytes[i + k];
        const lo = k === 1 ? lead.lo : 0x80;
        const hi = k === 1 ? lead.hi : 0xbf;
        if (next === undefined || next < lo || next > hi) {
          ok = false;
          break;
        }
        taken++;
      }
    }
    if (ok) scan.multibyte++;
    else scan.bad.push({ offset: i, line, byte });
    i += taken;
  }
  return scan;
}
