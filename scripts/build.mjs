// Builds the server (tsc → dist/), the web app (vite → dist/web) and the embed scripts (vite → dist/embed:
// the forms script and the chat widget)
// when missing or stale.
// Used by `npm start` and the `piltuvas` command so a fresh clone needs no separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(join(p, name));
    } else if (!p.endsWith('.test.ts')) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

function stampTime(name) {
  const file = join(root, 'dist', name);
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function run(label, cmd, args) {
  process.stderr.write(`piltuvas: building ${label}…\n`);
  const bin = join(root, 'node_modules', '.bin', cmd);
  const res = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) {
    process.stderr.write(`piltuvas: building ${label} failed (${cmd} ${args.join(' ')})\n`);
    process.exit(res.status ?? 1);
  }
}

const SERVER_INPUTS = [
  'src/domain',
  'src/server',
  'src/cli',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.build.json',
  'package.json',
];
const WEB_INPUTS = ['src/web', 'src/server', 'vite.config.ts', 'tsconfig.web.json', 'package.json'];
const EMBED_INPUTS = ['src/embed', 'vite.embed.config.ts', 'package.json'];

export function ensureBuilt({ force = false } = {}) {
  if (force || stampTime('.server-stamp') < newestMtime(SERVER_INPUTS)) {
    run('the server', 'tsc', ['-p', 'tsconfig.build.json']);
    writeFileSync(join(root, 'dist', '.server-stamp'), new Date().toISOString());
  }
  if (force || stampTime('.web-stamp') < newestMtime(WEB_INPUTS)) {
    run('the web app', 'vite', ['build', '--logLevel', 'warn']);
    writeFileSync(join(root, 'dist', '.web-stamp'), new Date().toISOString());
  }
  if (force || stampTime('.embed-stamp') < newestMtime(EMBED_INPUTS)) {
    run('the embed script', 'vite', ['build', '--config', 'vite.embed.config.ts', '--logLevel', 'warn']);
    run('the chat script', 'vite', [
      'build',
      '--config',
      'vite.embed.config.ts',
      '--mode',
      'chat',
      '--logLevel',
      'warn',
    ]);
    writeFileSync(join(root, 'dist', '.embed-stamp'), new Date().toISOString());
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureBuilt({ force: process.argv.includes('--force') });
}
