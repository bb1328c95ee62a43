// `npm run typecheck`: `tsc --noEmit` over every package, specs and end-to-end journeys included (the builds
// leave specs out, and jest's SWC strips types unchecked). Two at a time, the largest first: two cores here.
// The server and test/ read shared through its build, so shared is built first.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['server/tsconfig.json', 'test/tsconfig.json', 'miniapp/tsconfig.json', 'shared/tsconfig.json'];
const PARALLEL = 2;

const build = spawnSync('npm', ['run', 'build', '-w', 'shared', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

function check(project) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty', 'false'], { stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? '✓' : '✗'} tsc -p ${project} (${seconds}s)`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });
}

const queue = [...projects];
const results = await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    let ok = true;
    while (queue.length) ok = (await check(queue.shift())) && ok;
    return ok;
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
