import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { normaliseEmail, ROLES } from '../domain/accounts/user.js';
import { AppError } from '../domain/errors/app-error.js';
import { loadConfig } from '../server/config.js';
import type { Deps, SystemContext } from '../server/context.js';
import { exitOnStartupError, openDeps, startServer } from '../server/main.js';
import { generatePassword } from '../server/modules/auth/secrets.js';
import { createToken } from '../server/modules/tokens/tokens.service.js';
import { findUserIdByEmail } from '../server/modules/users/users.repository.js';
import { createUser, updateUser } from '../server/modules/users/users.service.js';

const CLI: SystemContext = { user: null, channel: 'cli' };

/** Runs a command against the configured database, then closes it; failures print one line and exit 1. */
async function withDeps(work: (deps: Deps) => Promise<void>): Promise<void> {
  let deps: Deps | undefined;
  try {
    deps = await openDeps(loadConfig());
    await work(deps);
  } catch (error) {
    await deps?.db.destroy();
    if (error instanceof AppError) {
      const fields = error.errors.map((e) => `${e.field} ${e.message}`).join('; ');
      process.stderr.write(`piltuvas: ${fields || error.message}\n`);
      process.exit(1);
    }
    exitOnStartupError(error);
  }
  await deps.db.destroy();
}

async function userIdOrFail(deps: Deps, email: string): Promise<string> {
  const id = await findUserIdByEmail(deps.db, normaliseEmail(email));
  if (!id) throw new AppError('not_found', `no user with e-mail ${email}`);
  return id;
}

export function buildCli(): Command {
  const program = new Command('piltuvas').description('Piltuvas — lead and sales management');

  program
    .command('start')
    .description('migrate the database and serve the app (PORT, HOST, DATABASE_URL … from the environment)')
    .action(async () => {
      await startServer().catch(exitOnStartupError);
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(() =>
      withDeps(async (deps) => {
        process.stdout.write(`migrations applied (${deps.dialect})\n`);
      }),
    );

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--password <password>', 'password (generated and printed when omitted)')
    .action((opts: { email: string; name: string; role: (typeof ROLES)[number]; password?: string }) =>
      withDeps(async (deps) => {
        const created = await createUser(deps, CLI, {
          email: opts.email,
          name: opts.name,
          role: opts.role,
          ...(opts.password ? { password: opts.password } : {}),
        });
        process.stdout.write(`created ${created.user.role} ${created.user.email} (${created.user.id})\n`);
        if (created.generatedPassword) process.stdout.write(`password: ${created.generatedPassword}\n`);
      }),
    );

  user
    .command('reset-password')
    .requiredOption('--email <email>', 'the user whose password to reset')
    .option('--password <password>', 'the new password (generated and printed when omitted)')
    .action((opts: { email: string; password?: string }) =>
      withDeps(async (deps) => {
        const id = await userIdOrFail(deps, opts.email);
        const password = opts.password ?? generatePassword();
        await updateUser(deps, CLI, id, { password });
        process.stdout.write(`password reset for ${normaliseEmail(opts.email)}; their sessions were ended\n`);
        if (!opts.password) process.stdout.write(`password: ${password}\n`);
      }),
    );

  program
    .command('token')
    .description('manage API tokens')
    .command('create')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'a name to recognise the token by', (v: string) => {
      if (!v.trim()) throw new InvalidArgumentError('must not be empty');
      return v;
    })
    .action((opts: { email: string; name: string }) =>
      withDeps(async (deps) => {
        const userId = await userIdOrFail(deps, opts.email);
        const { secret } = await createToken(deps, CLI, { name: opts.name, userId });
        process.stdout.write(`${secret}\n`);
      }),
    );

  return program;
}

export async function run(argv: string[] = process.argv): Promise<void> {
  await buildCli().parseAsync(argv);
}

// Run when executed directly (`node dist/cli/piltuvas.js …`); bin/piltuvas.js builds first, then imports run().
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await run();
}
