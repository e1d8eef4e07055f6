/** One `Range: bytes=...` request against a file of `size` bytes, as both hosts serve PDFs to pdf.js. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * The single range asked for (pdf.js asks for one at a time), inclusive at both ends; null for no header or one
 * this does not serve (several ranges, other units: the whole file is answered instead, as RFC 9110 allows);
 * 'unsatisfiable' for a range past the end (416).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
