// Titles, keys, notes and file names come from files and web pages: printed raw, ESC, CSI and OSC
// sequences would reach the terminal (recolour it, retitle it, plant OSC-8 hyperlinks, hide text).
// C0 controls, DEL, C1 controls and the bidi overrides are shown as visible escapes instead.

/** C0, DEL and C1 controls, line and paragraph separators, bidi embeddings, overrides and isolates. */
export function isTerminalControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function visible(code: number): string {
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

function escapeControls(text: string, keep: (code: number) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isTerminalControl(code) || keep(code)) continue;
    out += text.slice(from, i) + visible(code);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Human-readable output as it may reach a terminal: newline and tab stay, as the output's own structure. */
export function terminalText(text: string): string {
  return escapeControls(text, (code) => code === 0x0a || code === 0x09);
}

/** One value within a tab-separated line: newline and tab too, so a title cannot fake a line or a column. */
export function terminalField(text: string): string {
  return escapeControls(text, () => false);
}
