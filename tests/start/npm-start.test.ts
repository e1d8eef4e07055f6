import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/folio-cli.ts';

/**
 * `npm start` on a fresh install, where Electron's binary has never been downloaded: Electron 45 has no install
 * script and fetches its binary on the first `require('electron')`. The project is copied to a temporary folder
 * whose node_modules links every package except `electron`, which is a real copy without path.txt or dist/ (what
 * `npm install` leaves). Electron's download goes to a local mirror that takes the request and drops the connection,
 * as a machine without a network would: the start path must reach that download and fail with Electron's own words.
 */

interface Run { status: number | null; output: string }

const cleanups: Array<() => void> = [];
afterEach(() => { for (const cleanup of cleanups.splice(0)) cleanup(); });

/** Packages copied rather than linked, so that they resolve `electron` from the copy as they would in a real install. */
const COPIED_PACKAGES = ['electron', 'electron-vite'];

function freshInstall(): string {
  const root = mkdtempSync(join(tmpdir(), 'folio-start-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  // The project as a clone has it: what the build reads is linked, what resolves packages by its own path is copied.
  for (const file of ['package.json', 'electron.vite.config.ts', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json']) {
    cpSync(join(repoRoot, file), join(root, file));
  }
  // The start scripts, and the build plugins the config imports (the copy of pdf.js's data files).
  for (const folder of ['start', 'build']) cpSync(join(repoRoot, 'scripts', folder), join(root, 'scripts', folder), { recursive: true });
  for (const folder of ['electron', 'renderer', 'shared', 'resources']) symlinkSync(join(repoRoot, folder), join(root, folder));
  const modules = realpathSync(join(repoRoot, 'node_modules'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(modules)) {
    // .bin is rebuilt below; npm's and vite's own caches (.package-lock.json, .vite) stay out of the copy.
    if (name.startsWith('.')) continue;
    if (COPIED_PACKAGES.includes(name)) cpSync(join(modules, name), join(root, 'node_modules', name), { recursive: true });
    else symlinkSync(join(modules, name), join(root, 'node_modules', name));
  }
  // The same relative links as npm makes, so that `electron-vite` on npm's PATH is the copy's.
  mkdirSync(join(root, 'node_modules', '.bin'));
  for (const name of readdirSync(join(modules, '.bin'))) {
    symlinkSync(readlinkSync(join(modules, '.bin', name)), join(root, 'node_modules', '.bin', name));
  }
  // What `npm install` leaves of Electron: no path.txt, no dist/ with the binary.
  const electron = join(root, 'node_modules', 'electron');
  rmSync(join(electron, 'path.txt'), { force: true });
  rmSync(join(electron, 'dist'), { recursive: true, force: true });
  return root;
}

/** A mirror that records what is asked of it and drops each connection: a download that fails for want of a network. */
async function droppingMirror(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server: Server = createServer((request) => {
    requests.push(request.url ?? '');
    request.socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

function npmStart(cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|ELECTRON_)/i.test(key)));
  const child = spawn('npm', ['start', '--', '--library', join(cwd, 'library')], {
    cwd,
    env: { ...base, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('npm start on a fresh install', () => {
  it("reaches Electron's download of its binary, and without a network fails with Electron's message", async () => {
    const root = freshInstall();
    const mirror = await droppingMirror();
    const run = await npmStart(root, { ELECTRON_MIRROR: mirror.url, electron_config_cache: join(root, 'electron-cache') });

    const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(mirror.requests, run.output).toEqual([`/v${version}/electron-v${version}-${process.platform}-${process.arch}.zip`]);
    expect(run.status, run.output).not.toBe(0);
    expect(run.output).toContain('Downloading Electron binary...');
    expect(run.output).toContain('fetch failed');
    expect(run.output).toContain('Electron failed to install correctly');
    expect(run.output).toContain('Connect to the network and run npm start again.');
    expect(run.output).not.toContain('Electron uninstall');
    // Nothing half-installed is left behind for the next start to trust.
    expect(existsSync(join(root, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });

  it('with the binary in place, builds and runs it on the app with the arguments after `npm start --`', async () => {
    const root = freshInstall();
    const electron = join(root, 'node_modules', 'electron');
    // A stand-in binary where Electron's would be (none can run here): it records how it was started.
    mkdirSync(join(electron, 'dist'));
    writeFileSync(join(electron, 'dist', 'electron'), '#!/bin/sh\nprintf \'%s\\n\' "$PWD" "$@" > "$FOLIO_FAKE_ELECTRON_ARGS"\n', { mode: 0o755 });
    writeFileSync(join(electron, 'path.txt'), 'electron');
    const argsFile = join(root, 'electron-args.txt');
    const run = await npmStart(root, { FOLIO_FAKE_ELECTRON_ARGS: argsFile });

    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toContain('Downloading Electron binary');
    expect(existsSync(join(root, 'out', 'main', 'index.js')), run.output).toBe(true);
    expect(readFileSync(argsFile, 'utf8').trim().split('\n')).toEqual([root, '.', '--library', join(root, 'library')]);
  });
});
