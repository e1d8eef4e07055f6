import { fileURLToPath } from 'node:url';
import { sourceResourcePaths, type SourceResourcePaths } from '../services/source-resources.ts';

/** The repository root, two folders up from this module's code, in electron/cli/ and bundled in out/cli/ alike. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type CliResourcePaths = SourceResourcePaths;

export function cliResourcePaths(root: string = REPO_ROOT): CliResourcePaths {
  return sourceResourcePaths(root);
}
