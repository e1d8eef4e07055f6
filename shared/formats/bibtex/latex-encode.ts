/**
 * Clean Unicode -> BibTeX field text. Unicode is kept (biber, and bibtex
 * with inputenc utf8, read it); only characters that mean something to
 * TeX or to the .bib syntax are escaped. Two things pass through as TeX
 * because decodeLatex keeps them as TeX: math (`$\alpha$`) and commands it
 * did not know (`\mkbibacro{NASA}`). A lone backslash is escaped.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  // `\{` would still count as a brace for bibtex's own brace matching.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  _: '\\_',
  '#': '\\#',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '`': '\\textasciigrave{}',
  '\u00a0': '~',
};

const SPECIAL = /[\\{}&%$_#~^`\u00a0]|--|''/;
const SPECIAL_ALL = /[\\{}&%$_#~^`\u00a0]/g;

/** `--` and `''` are TeX ligatures (a dash, a quote); an empty group keeps them two characters. */
function escapePlain(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (ch) => ESCAPES[ch] ?? ch).replace(/([-'])(?=\1)/g, '$1{}');
}

/** Index after the `}` closing the group at `i`, or -1 when it never closes. */
function closeOf(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j + 1;
  }
  return -1;
}

/** End of TeX to keep verbatim at `i` (a math span or a command with balanced arguments), or -1. */
function texSpanEnd(text: string, i: number): number {
  if (text[i] === '$') {
    // Math only when it looks like math: `$x$`, `$\alpha$`, `$x^2$`; not "costs $5 and $10".
    const close = text.indexOf('$', i + 1);
    if (close < 0) return -1;
    const body = text.slice(i + 1, close);
    if (body === '' || /^\s|\s$/.test(body)) return -1;
    if (!/[\\^_{}]/.test(body) && !/^\p{L}$/u.test(body)) return -1;
    if (closeOf(`{${body}}`, 0) !== body.length + 2) return -1;
    return close + 1;
  }
  if (text[i] === '\\') {
    const m = /^\\[A-Za-z]+\*?/.exec(text.slice(i, i + 64));
    if (!m) return -1;
    let end = i + m[0].length;
    while (text[end] === '{') {
      const close = closeOf(text, end);
      if (close < 0) return -1;
      end = close;
    }
    return end;
  }
  return -1;
}

export function encodeLatexText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = '';
  let plainStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '$' && ch !== '\\') continue;
    const end = texSpanEnd(text, i);
    if (end < 0) continue;
    out += escapePlain(text.slice(plainStart, i)) + text.slice(i, end);
    plainStart = end;
    i = end - 1;
  }
  return out + escapePlain(text.slice(plainStart));
}

/** Words and the whitespace between them, alternating (words at even indexes); TeX spans are never split. */
function splitWords(text: string): string[] {
  if (!/[$\\]/.test(text)) return text.split(/(\s+)/);
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const end = ch === '$' || ch === '\\' ? texSpanEnd(text, i) : -1;
    if (end > 0) {
      word += text.slice(i, end);
      i = end - 1;
    } else if (/\s/.test(ch)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      out.push(word, text.slice(i, j));
      word = '';
      i = j - 1;
    } else {
      word += ch;
    }
  }
  out.push(word);
  return out;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function letters(word: string): string {
  return word.replace(/[^\p{L}]/gu, '');
}

/**
 * Title text with the capitals that bibtex styles must not lower-case
 * protected by braces. Words with a capital after their first letter
 * (DNA, LaTeX, iPhone) are always protected. In a sentence-case title a
 * capitalised word after the first is a proper noun and is protected too;
 * in a Title-Case title it is not, so styles may still change its case.
 */
export function encodeTitle(text: string): string {
  const words = splitWords(text);
  const content = words.filter((w, i) => i % 2 === 0 && letters(w).length >= 4).slice(1);
  const capitalised = content.filter((w) => isUpper(letters(w)[0] ?? '')).length;
  const sentenceCase = content.length > 0 && capitalised * 2 < content.length;
  let out = '';
  let first = true;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (i % 2 === 1 || word === '') {
      out += escapePlain(word);
      continue;
    }
    const encoded = encodeLatexText(word);
    const ls = letters(word);
    const innerCap = [...ls].slice(1).some(isUpper);
    const properNoun = sentenceCase && !first && ls !== '' && isUpper(ls[0] ?? '');
    const tex = /[\\$]/.test(word);
    out += (innerCap || properNoun) && !tex ? `{${encoded}}` : encoded;
    if (ls !== '') first = false;
  }
  return out;
}
