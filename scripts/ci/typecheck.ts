#!/usr/bin/env node
// `npm run typecheck`: the four TypeScript projects (shared, node, web, connector), checked side by side, a few at a
// time as the machine has cores. Run one after another they took about 42 s on two cores; each one's output is
// printed whole when it ends, and the exit code is 1 if any project has an error.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const PROJECTS = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.shared.json', 'connector/tsconfig.json'];

function check(project: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSC, '-p', project, '--noEmit'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      process.stderr.write(`${project}: ${error.message}\n`);
      resolve(false);
    });
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(`== ${project}\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...PROJECTS];
let ok = true;
const lane = async (): Promise<void> => {
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) ok = (await check(project)) && ok;
};
await Promise.all(Array.from({ length: Math.max(2, Math.min(availableParallelism(), PROJECTS.length)) }, lane));
process.exitCode = ok ? 0 : 1;
