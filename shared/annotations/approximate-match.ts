/**
 * Approximate matching of a short pattern in a longer text: the substring of the text with the fewest edits
 * (insertions, deletions, substitutions) from the pattern, within a budget. Candidates are found first by the
 * pigeonhole rule (a match with at most k edits holds at least s of k + s pieces of the pattern exactly), so the
 * dynamic programme runs only in small windows around them, never over a whole document.
 */

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Edits from the pattern. */
  distance: number;
}

/** Windows one search looks at. */
const MAX_WINDOWS = 2_000;

/** The best match of `pattern` inside `text[from, to)`, at most `budget` edits, or null. */
export function bestMatchIn(text: string, pattern: string, from: number, to: number, budget: number): ApproximateMatch | null {
  const m = pattern.length;
  const width = to - from;
  if (m === 0 || width <= 0) return null;
  let prevCost = new Int32Array(width + 1);
  let prevStart = new Int32Array(width + 1);
  let cost = new Int32Array(width + 1);
  let start = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prevStart[j] = j;
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    cost[0] = i;
    start[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= width; j++) {
      const diagonal = prevCost[j - 1]! + (text.charCodeAt(from + j - 1) === p ? 0 : 1);
      const up = prevCost[j]! + 1;
      const left = cost[j - 1]! + 1;
      let best = diagonal;
      let bestStart = prevStart[j - 1]!;
      if (up < best) {
        best = up;
        bestStart = prevStart[j]!;
      }
      if (left < best) {
        best = left;
        bestStart = start[j - 1]!;
      }
      cost[j] = best;
      start[j] = bestStart;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > budget) return null;
    [prevCost, cost] = [cost, prevCost];
    [prevStart, start] = [start, prevStart];
  }
  let bestEnd = -1;
  let bestCost = budget + 1;
  for (let j = 1; j <= width; j++) {
    if (prevCost[j]! < bestCost) {
      bestCost = prevCost[j]!;
      bestEnd = j;
    }
  }
  if (bestEnd < 0) return null;
  return { start: from + prevStart[bestEnd]!, end: from + bestEnd, distance: bestCost };
}

/** Pieces that must occur exactly, in place, for a window to be searched (see candidateStarts). */
const AGREEING_PIECES = 3;

/**
 * Offsets in `text` where the pattern could start with at most `budget` edits. Cut into budget + s pieces, a match
 * with at most `budget` edits holds at least s of them exactly, each within `budget` of its place: a start is kept
 * only where s different pieces agree on it (s = 3, or 1 when the pieces would be too short to mean anything).
 */
function candidateStarts(text: string, pattern: string, budget: number): number[] {
  const agree = Math.floor(pattern.length / (budget + AGREEING_PIECES)) >= 4 ? AGREEING_PIECES : 1;
  const pieces = budget + agree;
  const size = Math.floor(pattern.length / pieces);
  if (size < 3) return [];
  const hits: Array<{ start: number; piece: number }> = [];
  for (let p = 0; p < pieces; p++) {
    const offset = p * size;
    const piece = pattern.slice(offset, offset + size);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      hits.push({ start: at - offset, piece: p });
      if (hits.length > MAX_WINDOWS * 16) break;
    }
  }
  hits.sort((a, b) => a.start - b.start);
  if (agree === 1) return hits.map((h) => h.start);
  const starts: number[] = [];
  const inWindow = new Map<number, number>();
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    const h = hits[hi]!;
    inWindow.set(h.piece, (inWindow.get(h.piece) ?? 0) + 1);
    while (hits[lo]!.start < h.start - 2 * budget) {
      const gone = hits[lo]!.piece;
      const n = (inWindow.get(gone) ?? 1) - 1;
      if (n === 0) inWindow.delete(gone);
      else inWindow.set(gone, n);
      lo++;
    }
    if (inWindow.size >= agree) starts.push(h.start);
  }
  return starts;
}

/**
 * The best match of `pattern` in each window of `text` where one could be, with at most `budget` edits, fewest
 * edits first (the caller ranks ties by context and position). Fills at most `maxCells` cells of the dynamic
 * programme; `cells` says how many it used.
 */
export function approximateMatches(text: string, pattern: string, budget: number, maxCells: number): { matches: ApproximateMatch[]; cells: number } {
  const m = pattern.length;
  const slack = budget + 1;
  const windows: Array<[number, number]> = [];
  for (const s of candidateStarts(text, pattern, budget)) {
    const from = Math.max(0, s - slack);
    const to = Math.min(text.length, s + m + slack);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
    if (windows.length >= MAX_WINDOWS) break;
  }
  const matches: ApproximateMatch[] = [];
  let cells = 0;
  for (const [from, to] of windows) {
    if (cells + (to - from) * m > maxCells) break;
    cells += (to - from) * m;
    const match = bestMatchIn(text, pattern, from, to, budget);
    if (match) matches.push(match);
  }
  return { matches: matches.sort((a, b) => a.distance - b.distance), cells };
}
