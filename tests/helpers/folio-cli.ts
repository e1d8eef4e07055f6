import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI the way the README says: `npm run -s folio -- ...` is `node electron/cli/folio-bin.js ...`,
 * which runs the bundle in out/cli/ when `npm run build` made it from the current sources (as `npm test` does
 * before these tests), else the sources.
 */
export function runFolio(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, ['--no-warnings', 'electron/cli/folio-bin.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function spawnFolio(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--no-warnings', 'electron/cli/folio-bin.js', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}
