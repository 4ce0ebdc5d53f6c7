// `npm test`: makes sure of what the tests need (Chromium, PostgreSQL, Redis), then runs lint,
// format check, type check, unit + integration tests on SQLite and PostgreSQL, the build, and the
// browser tests. Ends with one summary line: "tests: N passed, N failed, N skipped".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';

const CI = process.env.CI === 'true';
const say = (msg) => process.stderr.write(`\n▶ ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`\n✖ ${msg}\n`);
  process.exit(1);
};

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
}
function quiet(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let aptUpdated = false;
function aptInstall(pkg) {
  if (!isRoot() || !quiet('which', ['apt-get'])) return false;
  if (!aptUpdated) {
    sh('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  return (
    sh('apt-get', ['install', '-y', '-qq', pkg], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  say("Debian's chromium is missing: installing it (apt-get)");
  if (!aptInstall('chromium') || !existsSync('/usr/bin/chromium')) {
    fail(
      "browser tests need Debian's chromium at /usr/bin/chromium; install it with: apt-get update && apt-get install -y chromium",
    );
  }
}

async function waitFor(check, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function ensurePostgres() {
  const up = () => quiet('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']);
  if (up()) return;
  say('PostgreSQL is down: starting it');
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  for (const v of versions) quiet('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start']);
  if (await waitFor(up, 30)) return;
  const msg =
    'PostgreSQL at 127.0.0.1:5432 is not running and could not be started (pg_ctlcluster … main start)';
  if (CI) fail(msg);
  process.stderr.write(`⚠ ${msg}: PostgreSQL suites will be skipped\n`);
}

async function ensureRedis() {
  const up = () => quiet('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping']);
  if (up()) return;
  say('Redis is down: starting it');
  quiet('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    '/var/lib/redis',
    '--logfile',
    '/var/log/redis/ci.log',
  ]);
  if (!(await waitFor(up, 15)))
    process.stderr.write(
      '⚠ Redis at 127.0.0.1:6379 could not be started (not needed by the current tests)\n',
    );
}

function step(label, cmd, args) {
  say(label);
  const res = sh(cmd, args);
  if (res.status !== 0) fail(`${label} failed`);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function vitest(label, projects) {
  say(label);
  const out = join(mkdtempSync(join(tmpdir(), 'piltuvas-vitest-')), 'report.json');
  const args = [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const res = sh(join(root, 'node_modules', '.bin', 'vitest'), args);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (res.status !== 0) {
    printTotals();
    fail(`${label} failed`);
  }
}
function printTotals() {
  process.stdout.write(
    `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
}

ensureChromium();
await ensurePostgres();
await ensureRedis();
const bin = (name) => join(root, 'node_modules', '.bin', name);
step('lint and format check (biome)', bin('biome'), ['ci', '.']);
step('type check (server)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('type check (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
vitest('unit and integration tests (SQLite and PostgreSQL)', ['unit', 'integration']);
say('build');
ensureBuilt({ force: true });
vitest('browser tests (Chromium)', ['e2e']);
printTotals();
