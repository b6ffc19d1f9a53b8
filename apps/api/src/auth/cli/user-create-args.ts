import { parseArgs } from 'node:util';
import type { NewAccount } from '../accounts';

export const USAGE = `Aufruf: npm run user:create -- --region <uuid> --email <adresse> --role <office|steering|committee|auditor>
                           [--committee <uuid> …] [--name "<Anzeigename>"]
Das Passwort wird am Terminal abgefragt, sonst aus USER_PASSWORD oder der ersten Zeile der Standardeingabe gelesen.
--region und --committee dürfen mehrfach angegeben werden.`;

export class UsageError extends Error {}

/** The account the command line describes, still without its password. */
export function parseUserCreateArgs(argv: readonly string[]): Omit<NewAccount, 'password'> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        region: { type: 'string', multiple: true },
        email: { type: 'string' },
        role: { type: 'string' },
        committee: { type: 'string', multiple: true },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.region?.length) throw new UsageError('--region fehlt.');
  if (!values.email) throw new UsageError('--email fehlt.');
  if (!values.role) throw new UsageError('--role fehlt.');
  return {
    regionIds: values.region,
    email: values.email,
    role: values.role as NewAccount['role'],
    committeeIds: values.committee ?? [],
    ...(values.name ? { displayName: values.name } : {}),
  };
}
