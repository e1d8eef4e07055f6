// Which code a `folio` (or web host) process runs: its bundle in out/cli/ or out/webhost/ (scripts/build/node-bundles.ts)
// when it is current, else the TypeScript sources. Current means every file the bundle was built from still has the size and modification
// time its manifest recorded, so an edit, a checkout or a pull since the build sends the process to the sources:
// a stale bundle never runs. Plain JavaScript, so the check costs one stat per source file and nothing to compile.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {string} root the repository root
 * @param {string} bundleDir the bundle's folder (out/cli)
 * @param {string} [sourcesEntry] the entry to run from the sources instead, relative to the root
 * @returns {{ url: URL, bundled: boolean, reason?: string }}
 */
export function pickCliEntry(root, bundleDir, sourcesEntry = 'electron/cli/folio.ts') {
  const sources = { url: pathToFileURL(join(root, sourcesEntry)), bundled: false };
  let text;
  try {
    text = readFileSync(join(bundleDir, 'manifest.json'), 'utf8');
  } catch {
    return { ...sources, reason: 'no bundle' };
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch {
    return { ...sources, reason: 'unreadable manifest' };
  }
  if (typeof manifest?.entry !== 'string' || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) {
    return { ...sources, reason: 'unreadable manifest' };
  }
  for (const input of manifest.inputs) {
    let stat;
    try {
      stat = statSync(join(root, String(input.file)));
    } catch {
      return { ...sources, reason: `${input.file} is gone` };
    }
    if (stat.size !== input.size || stat.mtimeMs !== input.mtimeMs) return { ...sources, reason: `${input.file} changed` };
  }
  return { url: pathToFileURL(join(bundleDir, manifest.entry)), bundled: true };
}
