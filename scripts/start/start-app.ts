// `npm start` (`electron-vite preview`: build, then open the window) and `npm run dev` (`electron-vite dev`), with the
// Electron binary made sure of first. Usage: start-app.ts preview|dev [arguments for the app...]
//
// Electron (45 and later) has no install script: its binary is downloaded the first time `require('electron')` runs.
// electron-vite never requires it; it reads node_modules/electron/path.txt itself and, on a fresh install, stops at
// "Error: Electron uninstall" before any download could happen. So the binary is resolved here, through Electron's
// own module (which downloads it, or fails with Electron's own message, e.g. without a network), and handed to
// electron-vite as ELECTRON_EXEC_PATH, which it reads before path.txt.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const [command, ...appArgs] = process.argv.slice(2);
if (command !== 'preview' && command !== 'dev') {
  console.error(`usage: start-app.ts preview|dev [arguments for the app...] (got ${command ?? 'nothing'})`);
  process.exit(2);
}

function electronBinary(): string {
  const given = process.env.ELECTRON_EXEC_PATH;
  if (given) return given;
  // The module's value is the path of the binary; requiring it downloads the binary when it is missing.
  const binary: unknown = require('electron');
  if (typeof binary !== 'string') throw new Error(`require('electron') gave ${typeof binary}, not the path of the Electron binary`);
  return binary;
}

let binary = '';
try {
  binary = electronBinary();
} catch (error) {
  // Electron's installer has already printed why the download failed (without a network: "fetch failed").
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    'npm start: Electron downloads its binary once, on the first start, from GitHub (or $ELECTRON_MIRROR), and that ' +
      `download failed. Connect to the network and run npm start again.\n${reason}`,
  );
  process.exit(1);
}

// electron-vite exports no path to its CLI, so the bin is found through its package.json.
const vitePackage = require.resolve('electron-vite/package.json');
const { bin } = require(vitePackage) as { bin: Record<string, string> };
const electronVite = join(dirname(vitePackage), bin['electron-vite'] ?? 'bin/electron-vite.js');
// Everything after `npm start --` goes to the app (e.g. `--library ~/papers`), as with `electron-vite preview --`.
const child = spawn(process.execPath, [electronVite, command, '--', ...appArgs], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`npm start: could not run electron-vite (${electronVite}): ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
