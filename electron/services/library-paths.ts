import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Folio';

/**
 * Electron's userData folder for Folio, computed without Electron so the CLI
 * and the web host open the same default library as the app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--library DIR` wins, then FOLIO_LIBRARY, then `<userData>/library`. */
export function resolveLibraryDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, userData?: string): string {
  if (flag) return resolve(flag);
  if (env.FOLIO_LIBRARY) return resolve(env.FOLIO_LIBRARY);
  return join(userData ?? defaultUserDataDir(env), 'library');
}

/** Reads `--library DIR` / `--library=DIR` from argv. */
export function libraryFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--library') return argv[i + 1];
    if (arg?.startsWith('--library=')) return arg.slice('--library='.length);
  }
  return undefined;
}
