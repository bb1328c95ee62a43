// `npm start`: builds what changed (shared, server, H5 miniapp), then runs the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of any file below `dir` (0 when missing). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const steps = [
  { name: 'shared', inputs: ['shared/src'], output: 'shared/dist/index.js', cmd: ['run', 'build', '-w', 'shared'] },
  {
    name: 'server',
    inputs: ['server/src', 'shared/src'],
    output: 'server/dist/main.js',
    cmd: ['run', 'build', '-w', 'server'],
  },
  {
    name: 'miniapp (H5)',
    inputs: ['miniapp/src', 'miniapp/config', 'shared/src'],
    output: 'miniapp/dist/h5/index.html',
    cmd: ['run', 'build:h5', '-w', 'miniapp'],
  },
];

for (const step of steps) {
  const out = join(root, step.output);
  const stale = !existsSync(out) || Math.max(...step.inputs.map((i) => newest(join(root, i)))) > statSync(out).mtimeMs;
  if (!stale) continue;
  process.stdout.write(`Building ${step.name}…\n`);
  const result = spawnSync('npm', step.cmd, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// chinese-days misreads dates in zones west of UTC; the server reasons in Asia/Shanghai anyway.
const env = { ...process.env, TZ: process.env.TZ ?? 'UTC' };
const server = spawn(process.execPath, [join(root, 'server/dist/main.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
