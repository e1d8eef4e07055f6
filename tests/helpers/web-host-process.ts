import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningHost {
  url: string;
  process: ChildProcess;
  stderr: () => string;
  /** Resolves once stderr has said `text` (the connector's status line comes after the URL). */
  waitForStderr(text: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `npm run web` exactly as a user would (the real host, the real services, a real folder), through electron/webhost/web-bin.js: the bundle when current, as after `npm run build`. */
export async function startWebHostProcess(library: string, extraEnv: NodeJS.ProcessEnv = {}, connectorPort = 0): Promise<RunningHost> {
  // Off unless a test asks: parallel hosts would compete for the default port.
  const connectorArgs = ['--connector-port', String(connectorPort)];
  const child = spawn(process.execPath, ['--no-warnings', 'electron/webhost/web-bin.js', '--library', library, ...connectorArgs], {
    cwd: repoRoot,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errText += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`web host did not print its URL in time\n${errText}`)), 60_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    void exited.then((code) => reject(new Error(`web host exited with ${code}\n${errText}`)));
  });
  return {
    url,
    process: child,
    stderr: () => errText,
    waitForStderr(text, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        if (errText.includes(text)) return resolve();
        const timer = setTimeout(() => {
          child.stderr?.off('data', check);
          reject(new Error(`web host did not say "${text}" in time\n${errText}`));
        }, timeoutMs);
        function check(): void {
          if (!errText.includes(text)) return;
          clearTimeout(timer);
          child.stderr?.off('data', check);
          resolve();
        }
        child.stderr?.on('data', check);
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
