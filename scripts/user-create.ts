import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { AccountError, accountProblem, createAccount } from '../apps/api/src/auth/accounts';
import { MIN_PASSWORD_LENGTH } from '../apps/api/src/auth/passwords';
import { parseUserCreateArgs, UsageError, USAGE } from '../apps/api/src/auth/cli/user-create-args';
import { readPassword } from '../apps/api/src/auth/cli/read-password';
import { openAuthDataSource } from '../apps/api/src/auth/data-source';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { describeFailure } from '../libs/postgres/src/embedded-error';

/**
 * `npm run user:create -- --region <uuid> --email … --role office`: creates a local account,
 * typically the region's first office account, which can then log in and do the rest.
 */
async function main(): Promise<number> {
  let request;
  try {
    request = parseUserCreateArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 64; // EX_USAGE
    }
    throw e;
  }
  const config = loadConfig();
  // Refuse a bad e-mail, role or id before asking for a password.
  const early = accountProblem({ ...request, password: 'x'.repeat(MIN_PASSWORD_LENGTH) });
  if (early) throw early;
  const password = await readPassword();
  const database = await resolveDatabase(config, (line) => console.error(line), 'attach');
  console.error(`Ziel: ${database.description}.`);
  try {
    const dataSource = await openAuthDataSource(database.url);
    try {
      const account = await createAccount(dataSource, { ...request, password });
      console.log(`Konto angelegt: ${account.email} (${account.role}), Benutzer-ID ${account.id}, Bildungsregionen ${account.regionIds.join(', ')}`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof AccountError || e instanceof ConfigError) console.error(e.message);
    else console.error(`user:create fehlgeschlagen / failed: ${describeFailure(e)}`);
    process.exit(1);
  },
);
