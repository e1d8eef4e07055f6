import type { CslItemData, CslName } from '../model/csl.ts';
import { cslYear } from '../model/csl.ts';
import { keyAlnum } from './ascii-fold.ts';
import { parseKeyPattern, type KeyPart } from './key-pattern.ts';
import { significantWords } from './title-words.ts';

/** Characters a key may hold: safe for bibtex, biber and `\cite{}`. Literal pattern text is filtered to these. */
const UNSAFE_KEY_CHARACTERS = /[^A-Za-z0-9_:./-]/g;

function creators(csl: CslItemData): CslName[] {
  const pick = (names: CslName[] | undefined): CslName[] => (names ?? []).filter((n) => n.literal !== 'others');
  const authors = pick(csl.author);
  return authors.length > 0 ? authors : pick(csl.editor);
}

function familyOf(name: CslName): string {
  const family = name.family ?? name.literal ?? name.given ?? '';
  // Particles such as "van" stay out of the key (Better BibTeX does the same): van Gogh -> gogh.
  return keyAlnum(family);
}

function capitalize(word: string): string {
  return word === '' ? word : word[0]?.toUpperCase() + word.slice(1);
}

function termValue(part: Extract<KeyPart, { kind: 'term' }>, csl: CslItemData): string {
  const title = typeof csl.title === 'string' ? csl.title : '';
  switch (part.name) {
    case 'auth':
      return familyOf(creators(csl)[0] ?? {});
    case 'authors': {
      const all = creators(csl);
      const shown = part.count === null ? all : all.slice(0, part.count);
      const names = shown.map(familyOf).join('');
      return part.count !== null && all.length > part.count ? `${names}EtAl` : names;
    }
    case 'year': {
      const year = cslYear(csl);
      return year === null ? '' : String(year);
    }
    case 'shorttitle':
      return significantWords(title).slice(0, part.count ?? 1).join('').toLowerCase();
    case 'veryshorttitle':
      return (significantWords(title)[0] ?? '').toLowerCase();
    case 'title':
      return significantWords(title).map((w) => capitalize(w.toLowerCase())).join('');
  }
}

function applyModifiers(value: string, part: Extract<KeyPart, { kind: 'term' }>): string {
  let out = value;
  for (const mod of part.modifiers) {
    if (mod === 'lower') out = out.toLowerCase();
    else if (mod === 'upper') out = out.toUpperCase();
    else out = capitalize(out);
  }
  return out;
}

// Bulk adds use one pattern thousands of times: parse it once.
let cachedPattern: string | null = null;
let cachedParts: KeyPart[] = [];
function partsOf(pattern: string): KeyPart[] {
  if (pattern !== cachedPattern) {
    cachedParts = parseKeyPattern(pattern);
    cachedPattern = pattern;
  }
  return cachedParts;
}

/**
 * A citation key from CSL metadata and a pattern (see key-pattern.ts for the
 * grammar; default `auth.lower+year+shorttitle` gives `vaswani2017attention`).
 * Never empty and never without a letter: when the pattern names the author
 * but there is none usable (no author, or names in a non-Latin script), the
 * key is the first three significant title words and the year, or `item`.
 * Throws KeyPatternError for an invalid pattern.
 */
export function generateCitationKey(csl: CslItemData, pattern: string): string {
  const parts = partsOf(pattern);
  const usesAuthor = parts.some((p) => p.kind === 'term' && (p.name === 'auth' || p.name === 'authors'));
  // A paper copied from a listing has no authors: one title word ("text", "opt") would
  // say little and collide often, so such keys lead with the first three title words.
  if (usesAuthor && creators(csl).map(familyOf).join('') === '') return titleKey(csl);
  let key = '';
  for (const part of parts) {
    key += part.kind === 'literal' ? part.text : applyModifiers(termValue(part, csl), part);
  }
  key = key.replace(UNSAFE_KEY_CHARACTERS, '');
  return /[A-Za-z]/.test(key) ? key : titleKey(csl);
}

/** `attentionallneed2017`: up to three significant title words and the year; `item` when nothing is usable. */
function titleKey(csl: CslItemData): string {
  const title = typeof csl.title === 'string' ? csl.title : '';
  const year = cslYear(csl);
  const words = significantWords(title).slice(0, 3).join('').toLowerCase();
  return `${words === '' ? 'item' : words}${year === null ? '' : year}`;
}
