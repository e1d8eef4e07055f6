/** Types of the `settings` group. */

export interface SettingsPatch {
  keyPattern?: string;
  /** A LaTeX command name, with or without the backslash: "citep", "\\autocite". */
  citeCommand?: string;
}
