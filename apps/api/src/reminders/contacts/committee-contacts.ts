import type { Pool } from 'pg';

export interface Contact {
  name: string;
  email: string;
}

export interface CommitteeContacts {
  committeeId: string;
  regionId: string;
  contacts: Contact[];
  updatedAt: Date;
}

/** The contact addresses of committees: one row per committee, replaced as a whole. */
export class CommitteeContactsStore {
  constructor(private readonly pool: Pool) {}

  async of(committeeId: string): Promise<CommitteeContacts | undefined> {
    return (await this.forRegion(undefined, [committeeId]))[0];
  }

  /** Every committee of the region with contacts (or only those named). */
  async forRegion(regionId: string | undefined, committeeIds?: string[]): Promise<CommitteeContacts[]> {
    const { rows } = await this.pool.query<{ committee_id: string; region_id: string; contacts: Contact[]; updated_at: Date }>(
      `SELECT committee_id, region_id, contacts, updated_at FROM reminders.committee_contacts
        WHERE ($1::text IS NULL OR region_id = $1) AND ($2::text[] IS NULL OR committee_id = ANY($2)) ORDER BY committee_id`,
      [regionId ?? null, committeeIds ?? null],
    );
    return rows.map((r) => ({ committeeId: r.committee_id, regionId: r.region_id, contacts: r.contacts, updatedAt: r.updated_at }));
  }

  async set(regionId: string, committeeId: string, contacts: Contact[], by: string, now = new Date()): Promise<void> {
    // Addresses compare case-insensitively; the same one twice would get every mail twice.
    const unique = [...new Map(contacts.map((c) => [c.email.toLowerCase(), { name: c.name, email: c.email.toLowerCase() }])).values()];
    await this.pool.query(
      `INSERT INTO reminders.committee_contacts (committee_id, region_id, contacts, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (committee_id) DO UPDATE SET contacts = excluded.contacts, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [committeeId, regionId, JSON.stringify(unique), now, by],
    );
  }
}
