import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CommitteeId, RegionId, Role } from '@app/domain';
import { ROLES } from '@app/domain';
import { AccountEntity } from './account.entity';
import { hashPassword, passwordProblem } from './passwords';

export interface NewAccount {
  email: string;
  displayName?: string;
  password: string;
  role: Role;
  regionIds: readonly RegionId[];
  committeeIds?: readonly CommitteeId[];
  demo?: boolean;
}

export class AccountError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** German reason the account cannot be created, or undefined. */
export function accountProblem(a: NewAccount): AccountError | undefined {
  if (!EMAIL.test(normaliseEmail(a.email))) return new AccountError('account.email-invalid', 'Die E-Mail-Adresse ist ungültig.');
  if (!ROLES.includes(a.role)) return new AccountError('account.role-invalid', `Unbekannte Rolle „${a.role}“; erlaubt sind ${ROLES.join(', ')}.`);
  if (a.regionIds.length === 0) return new AccountError('account.region-missing', 'Das Konto muss mindestens eine Bildungsregion nennen.');
  const badId = [...a.regionIds, ...(a.committeeIds ?? [])].find((id) => !UUID.test(id));
  if (badId !== undefined) return new AccountError('account.id-invalid', `„${badId}“ ist keine gültige UUID.`);
  const committees = a.committeeIds ?? [];
  if (a.role === 'committee' && committees.length === 0)
    return new AccountError('account.committee-missing', 'Ein Gremienmitglied muss mindestens ein Gremium nennen.');
  if (a.role !== 'committee' && committees.length > 0)
    return new AccountError('account.committee-unexpected', 'Nur Gremienmitglieder werden Gremien zugeordnet.');
  const weak = passwordProblem(a.password);
  return weak === undefined ? undefined : new AccountError('account.password-weak', weak);
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_ids: string[];
  committee_ids: string[];
  demo: boolean;
  disabled_at: Date | null;
  created_at: Date;
}

const toEntity = (r: AccountRow): AccountEntity =>
  Object.assign(new AccountEntity(), {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    regionIds: r.region_ids,
    committeeIds: r.committee_ids,
    demo: r.demo,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
  });

/*
 * Plain SQL rather than a repository: the demo seeder and the CLI call these with whatever
 * DataSource they hold, which need not list the auth entities.
 */

/** Creates a local account with an argon2id hash; refuses an address that already has one. */
export async function createAccount(dataSource: DataSource, a: NewAccount): Promise<AccountEntity> {
  const problem = accountProblem(a);
  if (problem) throw problem;
  const email = normaliseEmail(a.email);
  const passwordHash = await hashPassword(a.password);
  const rows: AccountRow[] = await dataSource.query(
    `INSERT INTO auth.accounts (id, email, display_name, password_hash, role, region_ids, committee_ids, demo)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::uuid[], $8)
     ON CONFLICT (email) DO NOTHING
     RETURNING *`,
    [
      randomUUID(),
      email,
      a.displayName?.trim() || email,
      passwordHash,
      a.role,
      [...new Set(a.regionIds.map((id) => id.toLowerCase()))],
      [...new Set((a.committeeIds ?? []).map((id) => id.toLowerCase()))],
      a.demo ?? false,
    ],
  );
  if (rows.length === 0) throw new AccountError('account.email-taken', `Für ${email} gibt es bereits ein Konto.`);
  return toEntity(rows[0]);
}

export async function findAccountByEmail(dataSource: DataSource, email: string): Promise<AccountEntity | null> {
  const rows: AccountRow[] = await dataSource.query(`SELECT * FROM auth.accounts WHERE email = $1`, [normaliseEmail(email)]);
  return rows.length ? toEntity(rows[0]) : null;
}

export async function countAccounts(dataSource: DataSource): Promise<{ all: number; demo: number }> {
  const [row]: { all: string; demo: string }[] = await dataSource.query(
    `SELECT count(*) AS all, count(*) FILTER (WHERE demo) AS demo FROM auth.accounts`,
  );
  return { all: Number(row.all), demo: Number(row.demo) };
}

export async function listAccountsOfRegion(dataSource: DataSource, regionId: RegionId): Promise<AccountEntity[]> {
  const rows: AccountRow[] = await dataSource.query(`SELECT * FROM auth.accounts WHERE $1 = ANY(region_ids) ORDER BY email`, [regionId.toLowerCase()]);
  return rows.map(toEntity);
}

export async function findAccountById(dataSource: DataSource, id: string): Promise<AccountEntity | null> {
  const rows: AccountRow[] = await dataSource.query(`SELECT * FROM auth.accounts WHERE id = $1`, [id]);
  return rows.length ? toEntity(rows[0]) : null;
}

/** Disables login; the access guard refuses the account's tokens from then on (account-states.ts). */
export async function disableAccount(dataSource: DataSource, id: string, now: Date): Promise<void> {
  await dataSource.query(`UPDATE auth.accounts SET disabled_at = coalesce(disabled_at, $2) WHERE id = $1`, [id, now]);
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Display names of local accounts by id, for "who did it" in timelines. Ids that are no local
 * account (OIDC subjects, test principals) are simply absent from the answer.
 */
export async function displayNamesOf(dataSource: DataSource, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => ACCOUNT_ID.test(id)))];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; display_name: string }[] = await dataSource.query(`SELECT id, display_name FROM auth.accounts WHERE id = ANY($1::uuid[])`, [wanted]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
