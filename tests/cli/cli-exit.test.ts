import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/folio-cli.ts';

/** Runs the CLI's real entry in a real process, with a command that never settles. */
function runNeverSettling(): { status: number | null; stderr: string } {
  const script = `import { main } from './electron/cli/folio.ts';\nawait main(['import'], undefined, () => new Promise(() => {}));\n`;
  const result = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('how the CLI ends', () => {
  it('never ends with exit 13 and no output: an operation that never settles gives exit 1 and a sentence', () => {
    const result = runNeverSettling();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('folio import: the command stopped before it finished');
  });
});
