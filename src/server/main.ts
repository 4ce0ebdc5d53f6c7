import type { FastifyInstance } from 'fastify';
import { type Logger, pino } from 'pino';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import type { Deps } from './context.js';
import { startCheckpointer } from './db/checkpointer.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { startJobs } from './jobs/index.js';
import { startImportThread } from './modules/imports/import-thread.js';
import { bootstrapAdmin } from './modules/users/bootstrap.js';

/** Opens the database and applies migrations: shared by `start` and `migrate`. */
export async function openDeps(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<Deps> {
  const handle = connect({
    url: config.databaseUrl,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'idle database connection failed; it will be replaced'),
  });
  await migrateToLatest(handle);
  return { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
}

/** Starts the server: config → database → migrations → first admin → listen; stops cleanly on signals. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<FastifyInstance> {
  const config = loadConfig(env);
  const logger = pino({ level: config.logLevel });
  const deps = await openDeps(config, logger);
  const app = await buildApp({ deps, logger });
  startImportThread(deps, app.log);
  const checkpointer = await startCheckpointer(deps, config.databaseUrl, app.log);
  const first = await bootstrapAdmin(deps);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url =
    config.baseUrl.replace(/:\d+$/, '') === 'http://localhost' ? `http://localhost:${port}` : config.baseUrl;
  app.log.info({ url, database: deps.dialect }, 'Piltuvas is ready');
  if (first) printFirstAdmin(url, first.email, first.generatedPassword);
  const stopJobs = startJobs(deps, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    stopJobs();
    try {
      await app.close();
      await checkpointer?.stop();
      await deps.db.destroy();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}

function printFirstAdmin(url: string, email: string, password: string | undefined): void {
  const lines = [
    '',
    '  Piltuvas — first administrator created',
    `  Open:      ${url}`,
    `  E-mail:    ${email}`,
    password ? `  Password:  ${password}` : '  Password:  (from PILTUVAS_ADMIN_PASSWORD)',
    password ? '  This password is shown only once: change it after signing in.' : '',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Turns a start-up failure into one clear line and a non-zero exit. */
export function exitOnStartupError(error: unknown): never {
  const reason =
    error instanceof ConfigError
      ? `invalid configuration: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`piltuvas: ${reason}\n`);
  process.exit(1);
}
