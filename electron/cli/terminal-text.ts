// Titles, keys, notes and file names come from files and web pages: printed raw, ESC, CSI and OSC
// sequences would reach the terminal (recolour it, retitle it, plant OSC-8 hyperlinks, hide text).
// C0 controls, DEL, C1 controls and the bidi overrides are shown as visible escapes instead.

/** Everything but newline and tab, which human output uses as structure. */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Inside one field of a line: newline and tab too, so a title cannot fake a line or a column. */
const UNSAFE_IN_FIELD = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Human-readable output as it may reach a terminal. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, visible);
}

/** One value within a tab-separated line. */
export function terminalField(text: string): string {
  return text.replace(UNSAFE_IN_FIELD, visible);
}
