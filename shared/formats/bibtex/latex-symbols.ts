/** Tables behind decodeLatex: which LaTeX commands mean which Unicode text. */

/** Accent commands -> the combining mark they put on their argument. */
export const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  r: '\u030a',
  c: '\u0327',
  k: '\u0328',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

/** What an accent with an empty argument (`\'{}`) prints. */
export const SPACING_ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u00b4', '`': '`', '^': '^', '"': '\u00a8', '~': '~', '=': '\u00af', '.': '\u02d9',
  u: '\u02d8', v: '\u02c7', H: '\u02dd', r: '\u02da', c: '\u00b8', k: '\u02db',
};

/** Argument-less control words that print text. */
export const TEXT_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['ss', 'ß'], ['SS', 'SS'], ['o', 'ø'], ['O', 'Ø'], ['aa', 'å'], ['AA', 'Å'], ['ae', 'æ'], ['AE', 'Æ'],
  ['oe', 'œ'], ['OE', 'Œ'], ['l', 'ł'], ['L', 'Ł'], ['i', 'ı'], ['j', 'ȷ'], ['dh', 'ð'], ['DH', 'Ð'],
  ['th', 'þ'], ['TH', 'Þ'], ['ng', 'ŋ'], ['NG', 'Ŋ'], ['dj', 'đ'], ['DJ', 'Đ'],
  ['textendash', '–'], ['textemdash', '—'], ['textquoteleft', '‘'], ['textquoteright', '’'],
  ['textquotedblleft', '“'], ['textquotedblright', '”'], ['textquotesingle', "'"], ['textquotedbl', '"'],
  ['quotedblbase', '„'], ['quotesinglbase', '‚'], ['guillemotleft', '«'], ['guillemotright', '»'],
  ['guillemetleft', '«'], ['guillemetright', '»'], ['guilsinglleft', '‹'], ['guilsinglright', '›'],
  ['textellipsis', '…'], ['dots', '…'], ['ldots', '…'], ['textbackslash', '\\'], ['textasciitilde', '~'],
  ['textasciicircum', '^'], ['textasciigrave', '`'], ['textunderscore', '_'], ['textbar', '|'], ['textless', '<'], ['textgreater', '>'],
  ['textbraceleft', '{'], ['textbraceright', '}'], ['textdollar', '$'], ['textpercent', '%'], ['textampersand', '&'],
  ['textdegree', '°'], ['textregistered', '®'], ['texttrademark', '™'], ['copyright', '©'], ['textcopyright', '©'],
  ['S', '§'], ['textsection', '§'], ['P', '¶'], ['textparagraph', '¶'], ['pounds', '£'], ['textsterling', '£'],
  ['euro', '€'], ['texteuro', '€'], ['textyen', '¥'], ['textcent', '¢'], ['textexclamdown', '¡'], ['textquestiondown', '¿'],
  ['textbullet', '•'], ['textdagger', '†'], ['dag', '†'], ['textdaggerdbl', '‡'], ['ddag', '‡'],
  ['textperiodcentered', '·'], ['textperthousand', '‰'], ['textonehalf', '½'], ['textonequarter', '¼'],
  ['textthreequarters', '¾'], ['textmu', 'µ'], ['textminus', '−'], ['texttimes', '×'], ['textdiv', '÷'],
  ['nobreakspace', '\u00a0'], ['slash', '/'], ['hyphen', '-'], ['textordfeminine', 'ª'], ['textordmasculine', 'º'],
  ['LaTeX', 'LaTeX'], ['LaTeXe', 'LaTeX2e'], ['TeX', 'TeX'], ['BibTeX', 'BibTeX'], ['XeTeX', 'XeTeX'], ['LuaTeX', 'LuaTeX'],
]);

/** Font switches and spacing commands that print nothing. */
export const SILENT_COMMANDS: ReadonlySet<string> = new Set([
  'relax', 'protect', 'em', 'it', 'bf', 'sc', 'rm', 'sf', 'tt', 'sl', 'up', 'normalfont', 'itshape', 'bfseries',
  'scshape', 'upshape', 'slshape', 'mdseries', 'rmfamily', 'sffamily', 'ttfamily', 'noindent', 'nolinebreak',
  'allowbreak', 'xspace', 'null', 'unskip', 'sloppy', 'frenchspacing', 'nonfrenchspacing',
]);

/** Commands whose one argument is the text to show (`\emph{x}` -> x). */
export const TRANSPARENT_COMMANDS: ReadonlySet<string> = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'textsf', 'texttt', 'textrm', 'textup', 'textsl', 'textmd', 'textnormal',
  'mkbibemph', 'mkbibitalic', 'mkbibbold', 'mbox', 'hbox', 'text', 'NoCaseChange', 'autocap', 'textsuperscript', 'textsubscript', 'uline', 'underline', 'foreignlanguage', 'textenglish', 'lowercase',
  'uppercase', 'MakeLowercase', 'MakeUppercase',
]);

/** Commands whose argument is verbatim text (`\url{a_b~c}`): copied, not decoded. */
export const VERBATIM_COMMANDS: ReadonlySet<string> = new Set(['url', 'nolinkurl', 'path', 'doi']);

/** Commands whose arguments print nothing (`\noopsort{...}` steers bibtex's sorting only). */
export const ARGUMENT_DROPPING_COMMANDS: ReadonlySet<string> = new Set(['noopsort', 'SortNoop', 'hyphenation', 'nocite', 'label', 'index']);

/** Quotation commands: [open, close]. The starred form of `\enquote` uses inner quotes. */
export const QUOTE_COMMANDS: ReadonlyMap<string, [string, string]> = new Map([
  ['enquote', ['“', '”']],
  ['enquote*', ['‘', '’']],
  ['mkbibquote', ['“', '”']],
  ['textquote', ['“', '”']],
]);

/** `\&` and friends: the escaped character itself. */
export const ESCAPED_CHARACTERS: ReadonlySet<string> = new Set(['&', '%', '$', '_', '#', '{', '}']);

/** Control symbols for spacing and hyphenation hints: what they become in plain text. */
export const SPACING_SYMBOLS: Readonly<Record<string, string>> = {
  ' ': ' ', '\n': ' ', '\t': ' ', ',': '\u202f', ';': ' ', ':': ' ', '!': '', '-': '', '/': '', '@': '', '\\': ' ',
};
