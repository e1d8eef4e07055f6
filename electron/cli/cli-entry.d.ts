/** Types for cli-entry.js (plain JavaScript, so the `folio` bin runs it without compiling anything). */
export interface CliEntry {
  url: URL;
  bundled: boolean;
  /** Why the sources run instead of the bundle. */
  reason?: string;
}

export function pickCliEntry(root: string, bundleDir: string, sourcesEntry?: string): CliEntry;
