/** HTML character references and the clean-up every value read from a page goes through. */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026',
  prime: '\u2032', Prime: '\u2033', trade: '\u2122', euro: '\u20ac', bull: '\u2022', middot: '\u00b7', minus: '\u2212',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c', dagger: '\u2020', Dagger: '\u2021',
  alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', epsilon: '\u03b5', lambda: '\u03bb', mu: '\u03bc',
  pi: '\u03c0', sigma: '\u03c3', tau: '\u03c4', phi: '\u03c6', omega: '\u03c9', Delta: '\u0394', Omega: '\u03a9',
  OElig: '\u0152', oelig: '\u0153', Scaron: '\u0160', scaron: '\u0161', Yuml: '\u0178', circ: '\u02c6', tilde: '\u02dc',
};

// The Latin-1 names (U+00A1..U+00FF) in code point order: one table instead of ninety-five lines.
const LATIN1 = 'iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
LATIN1.split(' ').forEach((name, i) => {
  NAMED[name] ??= String.fromCodePoint(0xa1 + i);
});

function codePoint(n: number): string {
  // Surrogates, NUL and out-of-range references are replaced, as browsers do.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/** Decodes `&amp;`, `&#233;`, `&#xE9;` and the common named references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    return (name !== undefined && Object.hasOwn(NAMED, name) ? NAMED[name] : undefined) ?? whole;
  });
}

/**
 * UTF-8 read as Latin-1 (`MÃ¼ller`) is repaired sequence by sequence, where the bytes form valid UTF-8 again;
 * anything else is left alone, so a real `Ã` followed by a symbol survives.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  return text.replace(/[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g, (seq) => {
    const b = Array.from(seq, (c) => c.charCodeAt(0));
    const lead = b[0]!;
    const bits = lead >= 0xf0 ? lead & 0x07 : lead >= 0xe0 ? lead & 0x0f : lead & 0x1f;
    const cp = b.slice(1).reduce((acc, byte) => (acc << 6) | (byte & 0x3f), bits);
    // Overlong forms, surrogates and out-of-range values are not UTF-8: keep the text as written.
    const min = b.length === 2 ? 0x80 : b.length === 3 ? 0x800 : 0x10000;
    return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? seq : String.fromCodePoint(cp);
  });
}

/** Longest value kept from one meta tag or JSON-LD string: an abstract fits, a hostile megabyte does not. */
export const MAX_VALUE_CHARS = 20_000;

/**
 * Plain text from a page value: entities decoded (twice when the page escaped them twice), markup and
 * scripts dropped, control characters removed, whitespace collapsed, and the length bounded.
 */
export function cleanText(raw: string): string {
  let s = raw.length > MAX_VALUE_CHARS * 2 ? raw.slice(0, MAX_VALUE_CHARS * 2) : raw;
  s = decodeEntities(s);
  if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s)) s = decodeEntities(s);
  s = repairMojibake(s);
  s = s.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ').replace(/<\/?[A-Za-z][^<>]*>/g, '');
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}
