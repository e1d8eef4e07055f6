import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Real Syncthing instances on 127.0.0.1 (the Debian package), each with its own home, ports and API key, with
 * discovery and relays off and each other as static peers, sharing one folder.
 */

export const SYNCTHING = '/usr/bin/syncthing';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface SyncthingNode {
  home: string;
  folder: string;
  deviceId: string;
  guiPort: number;
  listenPort: number;
  apiKey: string;
  process: ChildProcess | null;
  log: string[];
}

export async function generateNode(root: string, name: string): Promise<SyncthingNode> {
  const home = join(root, `${name}-home`);
  const folder = join(root, `${name}-folder`);
  const run = spawnSync(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8', env: { ...process.env, STNOUPGRADE: '1' } });
  const out = `${run.stdout}${run.stderr}`;
  const deviceId = /Device ID: ([A-Z0-9-]+)/.exec(out)?.[1];
  if (!deviceId) throw new Error(`syncthing generate printed no device id:\n${out}`);
  mkdirSync(join(folder, '.stfolder'), { recursive: true });
  return { home, folder, deviceId, guiPort: await freePort(), listenPort: await freePort(), apiKey: `folio-test-${name}-${Date.now()}`, process: null, log: [] };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function writeConfig(node: SyncthingNode, peer: SyncthingNode, folderId: string): void {
  const config = `<configuration version="36">
  <folder id="${folderId}" label="Folio" path="${xml(node.folder)}" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1">
    <filesystemType>basic</filesystemType>
    <device id="${node.deviceId}"></device>
    <device id="${peer.deviceId}"></device>
  </folder>
  <device id="${node.deviceId}" name="self" compression="metadata"><address>dynamic</address></device>
  <device id="${peer.deviceId}" name="peer" compression="metadata"><address>tcp://127.0.0.1:${peer.listenPort}</address></device>
  <gui enabled="true" tls="false" debugging="false"><address>127.0.0.1:${node.guiPort}</address><apikey>${node.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${node.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <crashReportingEnabled>false</crashReportingEnabled>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <reconnectionIntervalS>1</reconnectionIntervalS>
  </options>
</configuration>
`;
  writeFileSync(join(node.home, 'config.xml'), config);
}

export function startNode(node: SyncthingNode): void {
  const child = spawn(SYNCTHING, ['serve', `--home=${node.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
    env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => node.log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => node.log.push(d.toString()));
  node.process = child;
}

export async function stopNode(node: SyncthingNode): Promise<void> {
  const child = node.process;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function rest<T>(node: SyncthingNode, path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  let response: Response | null = null;
  // Syncthing closes idle keep-alive connections: a request that meets a closed socket is sent again.
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(`http://127.0.0.1:${node.guiPort}${path}`, { method, headers: { 'X-API-Key': node.apiKey, Connection: 'close' } });
    } catch (error) {
      if (attempt >= 4) throw new Error(`${method} ${path} failed\n${node.log.join('').slice(-2000)}`, { cause: error });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Polls `check` until it holds; the REST API answers the questions, so no fixed sleeps decide anything. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

interface DbStatus { state: string; needTotalItems: number; globalFiles: number; localFiles: number; sequence: number }
interface Completion { completion: number; needBytes: number; needItems: number; needDeletes: number }

/** Rescans `from` now, then waits until `to` holds everything `from` has. */
export async function propagate(from: SyncthingNode, to: SyncthingNode, folderId: string): Promise<void> {
  await rest(from, `/rest/db/scan?folder=${folderId}`, 'POST');
  await until(`${folderId} to reach the peer`, async () => {
    const status = await rest<DbStatus>(from, `/rest/db/status?folder=${folderId}`);
    const done = await rest<Completion>(from, `/rest/db/completion?folder=${folderId}&device=${to.deviceId}`);
    const peer = await rest<DbStatus>(to, `/rest/db/status?folder=${folderId}`);
    return status.state === 'idle' && done.completion === 100 && done.needItems === 0 && done.needDeletes === 0 && peer.state === 'idle' && peer.needTotalItems === 0;
  });
}
