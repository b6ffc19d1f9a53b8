import type { DataSource } from 'typeorm';
import type { CommitteeId, RegionId, Role } from '@app/domain';
import { createAccount, findAccountByEmail } from './accounts';
import { setPublicViews } from './public-views';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

/**
 * One account per role, for the demo data only (README lists them). The passwords are public, so
 * these accounts must never exist in a database that was not seeded with demo data: only the demo
 * seeder calls this, and the rows are marked `demo`.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'buero@empfehlungsradar.example', password: 'Demo-Buero-2026', role: 'office', displayName: 'Regionales Bildungsbüro (Demo)' },
  { email: 'lenkungskreis@empfehlungsradar.example', password: 'Demo-Lenkung-2026', role: 'steering', displayName: 'Lenkungskreis (Demo)' },
  { email: 'gremium@empfehlungsradar.example', password: 'Demo-Gremium-2026', role: 'committee', displayName: 'Mitglied zweier Fachgremien (Demo)' },
  { email: 'pruefung@empfehlungsradar.example', password: 'Demo-Pruefung-2026', role: 'auditor', displayName: 'Prüfer (Demo)' },
];

/**
 * Creates the demo accounts for `regionId` (the committee member belongs to `committeeIds`, two
 * in the demo) and switches the region's public views on. Idempotent: existing accounts stay.
 * Needs the `auth` schema (the API migrates it at start-up, see data-source.ts).
 */
export async function seedDemoAccounts(
  dataSource: DataSource,
  regionId: RegionId,
  committeeIds: readonly CommitteeId[],
): Promise<readonly DemoAccount[]> {
  for (const a of DEMO_ACCOUNTS) {
    if (await findAccountByEmail(dataSource, a.email)) continue;
    await createAccount(dataSource, {
      ...a,
      regionIds: [regionId],
      committeeIds: a.role === 'committee' ? committeeIds : [],
      demo: true,
    });
  }
  await setPublicViews(dataSource, regionId, true, 'demo-seed');
  return DEMO_ACCOUNTS;
}
