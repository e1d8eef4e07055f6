/**
 * arXiv identifiers. New style (April 2007 on) is `YYMM.NNNN` until 1412 and `YYMM.NNNNN` from 1501;
 * old style is `archive[.SC]/YYMMNNN`. The subject class is not part of an old-style id, so it is dropped.
 */

export interface ArxivId {
  /** Normalised id without version: `2401.12345` or `hep-th/9901001`. */
  id: string;
  version?: number;
}

/** Archives that issued old-style identifiers (1991-2007). */
export const OLD_ARXIV_ARCHIVES = [
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph', 'cmp-lg',
  'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math',
  'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio', 'q-fin',
  'quant-ph', 'solv-int', 'stat', 'supr-con',
] as const;

// Longest first, so `math-ph` is tried before `math`.
const ARCHIVE_ALTERNATION = [...OLD_ARXIV_ARCHIVES].sort((a, b) => b.length - a.length).join('|');

/** Source of a new-style id with optional version: groups (yymm, number, version). */
export const NEW_ARXIV_SOURCE = String.raw`(\d{4})\.(\d{4,5})(?:v(\d{1,3}))?`;
/** Source of an old-style id: groups (archive, yymmnnn, version). */
export const OLD_ARXIV_SOURCE = String.raw`(${ARCHIVE_ALTERNATION})(?:\.[A-Za-z][A-Za-z-]{1,15})?\/(\d{7})(?:v(\d{1,3}))?`;

/** The highest two-digit year accepted for new-style ids: far enough ahead, low enough to reject most numbers. */
const NEW_STYLE_LAST_YEAR = 49;

export function isPlausibleNewArxiv(yymm: string, number: string): boolean {
  const yy = Number(yymm.slice(0, 2));
  const mm = Number(yymm.slice(2, 4));
  if (mm < 1 || mm > 12 || yy < 7 || yy > NEW_STYLE_LAST_YEAR) return false;
  if (yy === 7 && mm < 4) return false;
  if (/^0+$/.test(number)) return false;
  // Four-digit numbers until December 2014, five-digit numbers from January 2015.
  return yy < 15 ? number.length === 4 : number.length === 5;
}

export function isPlausibleOldArxiv(yymmnnn: string): boolean {
  const yy = Number(yymmnnn.slice(0, 2));
  const mm = Number(yymmnnn.slice(2, 4));
  if (mm < 1 || mm > 12 || yymmnnn.slice(4) === '000') return false;
  if (yy >= 91) return true;
  return yy < 7 || (yy === 7 && mm <= 3);
}

function withVersion(id: string, version: string | undefined): ArxivId {
  const v = version ? Number(version) : NaN;
  return Number.isInteger(v) && v > 0 ? { id, version: v } : { id };
}

const NEW_EXACT = new RegExp(`^${NEW_ARXIV_SOURCE}$`);
const OLD_EXACT = new RegExp(`^${OLD_ARXIV_SOURCE}$`, 'i');

/** Parses a string that is exactly an arXiv id (optionally `arXiv:`-prefixed); null when it is not one. */
export function parseArxivId(text: string): ArxivId | null {
  const s = text.trim().replace(/^arxiv\s*[:.]?\s*/i, '');
  const n = NEW_EXACT.exec(s);
  if (n) return isPlausibleNewArxiv(n[1]!, n[2]!) ? withVersion(`${n[1]}.${n[2]}`, n[3]) : null;
  const o = OLD_EXACT.exec(s);
  if (o) return isPlausibleOldArxiv(o[2]!) ? withVersion(`${o[1]!.toLowerCase()}/${o[2]}`, o[3]) : null;
  return null;
}

/** Builds an ArxivId from regex groups of NEW_ARXIV_SOURCE, or null when implausible. */
export function newArxivFromGroups(yymm: string, number: string, version: string | undefined): ArxivId | null {
  return isPlausibleNewArxiv(yymm, number) ? withVersion(`${yymm}.${number}`, version) : null;
}

/** Builds an ArxivId from regex groups of OLD_ARXIV_SOURCE, or null when implausible. */
export function oldArxivFromGroups(archive: string, yymmnnn: string, version: string | undefined): ArxivId | null {
  return isPlausibleOldArxiv(yymmnnn) ? withVersion(`${archive.toLowerCase()}/${yymmnnn}`, version) : null;
}
