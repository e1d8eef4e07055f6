import type { CslName } from '../../model/csl.ts';
import { decodeLatex } from './latex-decode.ts';
import { encodeLatexText } from './latex-encode.ts';

/**
 * BibTeX name lists <-> CSL names, with BibTeX's own rules: `and` at brace
 * depth 0 separates names; "First von Last", "von Last, First" and
 * "von Last, Jr, First"; a word is "von" when its first letter is lower case;
 * a name wholly in braces (`{Barnes and Noble}`) is one literal name.
 */

interface NameToken {
  text: string;
  /** A comma followed this word at depth 0. */
  comma: boolean;
}

/** Words at brace depth 0, with the commas noted; `and` words split names. */
function tokenizeNames(value: string): NameToken[][] {
  const names: NameToken[][] = [];
  let current: NameToken[] = [];
  let start = -1;
  let depth = 0;
  const endWord = (end: number, comma: boolean): void => {
    if (start >= 0) {
      const word = value.slice(start, end);
      start = -1;
      if (!comma && word.length === 3 && word.toLowerCase() === 'and') {
        names.push(current);
        current = [];
      } else {
        current.push({ text: word, comma });
      }
    } else if (comma) {
      const last = current[current.length - 1];
      if (last) last.comma = true;
      else current.push({ text: '', comma: true });
    }
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === 32 || c === 9 || c === 10 || c === 13)) {
      endWord(i, false);
      continue;
    } else if (depth === 0 && c === 44) {
      endWord(i, true);
      continue;
    }
    if (start < 0) start = i;
  }
  endWord(value.length, false);
  names.push(current);
  return names.filter((n) => n.length > 0);
}

/** 'lower', 'upper' or 'none' (no cased letter at depth 0), as BibTeX decides "von". */
function wordCase(word: string): 'lower' | 'upper' | 'none' {
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    if (ch === '{') {
      let depth = 0;
      let j = i;
      for (; j < word.length; j++) {
        if (word[j] === '{') depth++;
        else if (word[j] === '}' && --depth === 0) break;
      }
      // A group that starts with a command is a "special character" and counts as a letter; other groups are caseless.
      if (word[i + 1] === '\\') {
        const letter = decodeLatex(word.slice(i, j + 1)).match(/\p{L}/u)?.[0];
        if (letter) return letter === letter.toLowerCase() && letter !== letter.toUpperCase() ? 'lower' : 'upper';
      }
      i = j;
      continue;
    }
    if (ch === '\\') continue;
    if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toLowerCase() ? 'lower' : 'upper';
  }
  return 'none';
}

function decodePart(words: string[]): string {
  return decodeLatex(words.join(' ')).replace(/\u00a0/g, ' ');
}

function buildName(given: string[], von: string[], last: string[], jr: string[]): CslName {
  const name: CslName = {};
  if (last.length > 0) name.family = decodePart(last);
  if (given.length > 0) name.given = decodePart(given);
  if (von.length > 0) name['non-dropping-particle'] = decodePart(von);
  if (jr.length > 0) name.suffix = decodePart(jr);
  return name;
}

function parseOneName(tokens: NameToken[]): CslName | null {
  const parts: string[][] = [[]];
  for (const t of tokens) {
    if (t.text !== '') parts[parts.length - 1]?.push(t.text);
    if (t.comma) parts.push([]);
  }
  const words = parts[0] ?? [];
  if (parts.length === 1) {
    if (words.length === 0) return null;
    const only = words[0] ?? '';
    if (words.length === 1) {
      if (only === 'others') return { literal: 'others' };
      if (only.startsWith('{') && only.endsWith('}') && only[1] !== '\\') return { literal: decodePart([only]) };
      return buildName([], [], words, []);
    }
    const n = words.length;
    let vonStart = -1;
    let vonEnd = -1;
    for (let i = 0; i < n - 1; i++) {
      if (wordCase(words[i] ?? '') === 'lower') {
        if (vonStart < 0) vonStart = i;
        vonEnd = i;
      }
    }
    if (vonStart < 0) return buildName(words.slice(0, n - 1), [], words.slice(n - 1), []);
    return buildName(words.slice(0, vonStart), words.slice(vonStart, vonEnd + 1), words.slice(vonEnd + 1), []);
  }
  // "von Last, First" or "von Last, Jr, First"; extra commas (a BibTeX error) fold into First.
  const jr = parts.length >= 3 ? (parts[1] ?? []) : [];
  const given = parts.length >= 3 ? parts.slice(2).flat() : (parts[1] ?? []);
  let vonEnd = -1;
  if (words.length > 1 && wordCase(words[0] ?? '') === 'lower') {
    for (let i = 0; i < words.length - 1; i++) if (wordCase(words[i] ?? '') === 'lower') vonEnd = i;
  }
  if (words.length === 0) return given.length > 0 ? buildName(given, [], [], jr) : null;
  return buildName(given, words.slice(0, vonEnd + 1), words.slice(vonEnd + 1), jr);
}

/** A BibTeX name list (LaTeX, macros already expanded) -> CSL names. */
export function parseNames(value: string): CslName[] {
  const out: CslName[] = [];
  for (const tokens of tokenizeNames(value)) {
    const name = parseOneName(tokens);
    if (name) out.push(name);
  }
  return out;
}

/** Braces a name part that BibTeX would otherwise split (a comma or an `and` inside). */
function namePart(text: string): string {
  const encoded = encodeLatexText(text);
  return /,|\band\b/i.test(text) ? `{${encoded}}` : encoded;
}

export function formatName(name: CslName): string {
  if (name.literal !== undefined) return name.literal === 'others' ? 'others' : `{${encodeLatexText(name.literal)}}`;
  const family = name.family ?? '';
  const given = name.given ?? '';
  if (family === '') return given === '' ? '' : `{${encodeLatexText(given)}}`;
  // A lone multi-word family ("World Health Organization") would be split into First and Last.
  let last = given === '' && /\s/.test(family) ? `{${encodeLatexText(family)}}` : namePart(family);
  const particle = name['non-dropping-particle'] ?? name['dropping-particle'];
  if (particle) last = `${namePart(particle)} ${last}`;
  if (name.suffix) return `${last}, ${namePart(name.suffix)}, ${namePart(given)}`;
  return given === '' ? last : `${last}, ${namePart(given)}`;
}

export function formatNames(names: CslName[]): string {
  return names.map(formatName).filter((n) => n !== '').join(' and ');
}
