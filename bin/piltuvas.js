#!/usr/bin/env node
// The `piltuvas` command: builds on first use, then runs the compiled CLI.
import { ensureBuilt } from '../scripts/build.mjs';

ensureBuilt();
const { run } = await import('../dist/cli/piltuvas.js');
await run(process.argv);
