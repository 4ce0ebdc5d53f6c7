// `npm start`: build when missing or stale, then serve (SQLite in ./data unless DATABASE_URL says otherwise).
import { ensureBuilt } from './build.mjs';

ensureBuilt();
const { run } = await import('../dist/cli/piltuvas.js');
await run([process.argv[0], 'piltuvas', 'start']);
