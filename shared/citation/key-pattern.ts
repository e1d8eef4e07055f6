/**
 * Citation key patterns, Better BibTeX style.
 *
 * Grammar:
 *   pattern   := part ( "+" part )*
 *   part      := literal | term modifier*
 *   literal   := '"' text '"' | "'" text "'"       written as is (unsafe characters dropped)
 *   term      := name ( "(" digits ")" )?
 *   modifier  := ".lower" | ".upper" | ".capitalize"
 *
 * Terms:
 *   auth            first author's family name, ASCII-folded (editors when there are no authors)
 *   authors / authors(N)  all family names run together; with N, the first N and "EtAl" when there are more
 *   year            year of `issued`; empty when there is none
 *   shorttitle / shorttitle(N)  first N (default 1) significant title words, lower case
 *   veryshorttitle  first significant title word, lower case
 *   title           every significant title word, capitalised and run together
 *
 * Spaces around "+" are ignored. Examples: `auth.lower+year+shorttitle`
 * (the default: vaswani2017attention), `auth+"_"+year`, `authors(2)+year`.
 */
export const DEFAULT_KEY_PATTERN = 'auth.lower+year+shorttitle';

export type KeyTermName = 'auth' | 'authors' | 'year' | 'shorttitle' | 'veryshorttitle' | 'title';
export type KeyModifier = 'lower' | 'upper' | 'capitalize';

export type KeyPart =
  | { kind: 'literal'; text: string }
  | { kind: 'term'; name: KeyTermName; count: number | null; modifiers: KeyModifier[] };

const TERMS: ReadonlySet<string> = new Set(['auth', 'authors', 'year', 'shorttitle', 'veryshorttitle', 'title']);
const COUNTED: ReadonlySet<string> = new Set(['authors', 'shorttitle']);
const MODIFIERS: ReadonlySet<string> = new Set(['lower', 'upper', 'capitalize']);
const TERM = /^([a-z]+)(?:\((\d{1,2})\))?((?:\.[a-z]+)*)$/;

export class KeyPatternError extends Error {}

/** Splits at `+` outside quotes. */
function splitParts(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of pattern) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === '+') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quote) throw new KeyPatternError(`unclosed quote in key pattern "${pattern}"`);
  parts.push(current);
  return parts.map((p) => p.trim());
}

export function parseKeyPattern(pattern: string): KeyPart[] {
  const parts: KeyPart[] = [];
  for (const part of splitParts(pattern)) {
    if (part === '') throw new KeyPatternError(`empty part in key pattern "${pattern}"`);
    const first = part[0];
    if (first === '"' || first === "'") {
      if (part.length < 2 || part[part.length - 1] !== first) throw new KeyPatternError(`bad literal ${part} in key pattern`);
      parts.push({ kind: 'literal', text: part.slice(1, -1) });
      continue;
    }
    const m = TERM.exec(part);
    const name = m?.[1] ?? '';
    if (!m || !TERMS.has(name)) throw new KeyPatternError(`unknown term "${part}" in key pattern (known: ${[...TERMS].join(', ')})`);
    if (m[2] !== undefined && !COUNTED.has(name)) throw new KeyPatternError(`"${name}" takes no count`);
    const modifiers = (m[3] ?? '').split('.').filter((s) => s !== '');
    for (const mod of modifiers) if (!MODIFIERS.has(mod)) throw new KeyPatternError(`unknown modifier ".${mod}" in key pattern`);
    parts.push({
      kind: 'term',
      name: name as KeyTermName,
      count: m[2] === undefined ? null : Number(m[2]),
      modifiers: modifiers as KeyModifier[],
    });
  }
  return parts;
}

/** null when the pattern is valid, else what is wrong with it (for the settings form). */
export function validateKeyPattern(pattern: string): string | null {
  try {
    parseKeyPattern(pattern);
    return null;
  } catch (err) {
    if (err instanceof KeyPatternError) return err.message;
    throw err;
  }
}
