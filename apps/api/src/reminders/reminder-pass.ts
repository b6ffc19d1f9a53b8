import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { calendarDateOf } from '@app/domain';
import type { AppConfig } from '@app/config';
import { DEFAULT_REMINDER_PARAMS, remindersFor, type CalendarDate, type RecommendationFacts, type Reminder } from '@app/figures';
import { factsAsOf, loadDirectory, READ_MODEL_SCHEMA } from '@app/read-models';
import { APP_CONFIG, PG_POOL } from '../infrastructure/tokens';
import { CommitteeContactsStore } from './contacts/committee-contacts';
import { committeeReminderMail, digestMail, type MailContext } from './mail/texts';
import { messageIdOf } from './outbox/message-id';
import { Outbox, type OutboxEntry, type SendMail } from './outbox/outbox';
import { MailTransport } from './mail/transport';
import { FollowPass } from './subscriptions/follow-pass';

const S = `"${READ_MODEL_SCHEMA}"`;

export interface PassResult {
  planned: number;
  sent: number;
  failed: number;
}

/**
 * One reminder pass: plan what the schedule says for `today` into the outbox (new rows only),
 * plan the subscriptions' mails (subscriptions/follow-pass.ts), then send what is due. Any number of processes may run passes at once.
 */
@Injectable()
export class ReminderPass {
  private readonly outbox: Outbox;
  private readonly log = new Logger('Erinnerungen');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contacts: CommitteeContactsStore,
    private readonly transport: MailTransport,
    private readonly follow: FollowPass,
  ) {
    this.outbox = new Outbox(pool);
  }

  get outboxStore(): Outbox {
    return this.outbox;
  }

  async run(now: Date = new Date(), send: SendMail = (mail) => this.transport.send(mail)): Promise<PassResult> {
    const planned = (await this.plan(now)) + (await this.follow.run(now, this.requirePublicUrl()));
    const { sent, failed } = await this.outbox.sendDue(send, now);
    if (planned + sent + failed > 0) this.log.log(`Erinnerungen: ${planned} neu geplant, ${sent} versandt${failed ? `, Versand gescheitert (SMTP), neuer Versuch später` : ''}.`);
    return { planned, sent, failed };
  }

  /** Plans the reminders of every region for the day of `now` (Berlin); returns how many were new. */
  async plan(now: Date): Promise<number> {
    const today = calendarDateOf(now);
    const publicUrl = this.requirePublicUrl();
    const directory = await loadDirectory(this.pool, READ_MODEL_SCHEMA);
    const { rows } = await this.pool.query<{ facts: RecommendationFacts }>(`SELECT facts FROM ${S}.recommendation_facts ORDER BY recommendation_id`);
    const facts = rows.map((r) => factsAsOf(r.facts, today)).filter((f) => f.adoptedOn <= today);
    const params = { ...DEFAULT_REMINDER_PARAMS, daysBefore: this.config.REMINDER_DAYS_BEFORE };
    const people = await this.accounts();
    let added = 0;
    for (const region of directory.regions.values()) {
      const regionId = region.region_id;
      const contacts = new Map((await this.contacts.forRegion(regionId)).map((c) => [c.committeeId, c.contacts.map((x) => x.email)]));
      const office = people.find((p) => p.role === 'office' && p.region_ids.includes(regionId));
      const ctx: MailContext = {
        publicUrl, today, regionName: region.name,
        ...(office ? { office: { name: office.display_name, email: office.email } } : {}),
        committeeName: (id) => directory.committees.get(id)?.name ?? 'Gremium',
      };
      const steering = people.filter((p) => p.role === 'steering' && p.region_ids.includes(regionId)).map((p) => p.email);
      const entries = remindersFor(regionId, facts, today, params).flatMap((r) => this.entryOf(r, ctx, today, r.kind === 'digest' ? steering : contacts.get(r.committeeId) ?? []));
      added += await this.outbox.enqueue(entries, now);
    }
    return added;
  }

  /** No recipients: no row yet; the slot's later passes plan it once someone is named. */
  private entryOf(r: Reminder, ctx: MailContext, today: CalendarDate, recipients: string[]): OutboxEntry[] {
    if (recipients.length === 0) return [];
    const base = { messageId: messageIdOf(r.key, ctx.publicUrl), regionId: r.regionId, plannedOn: today, recipients };
    if (r.kind === 'digest') return [{ ...base, kind: 'digest', ...digestMail(r, ctx) }];
    return [{ ...base, kind: `${r.due}-${r.phase}`, recommendationId: r.recommendationId, committeeId: r.committeeId, dueOn: r.dueOn, ...committeeReminderMail(r, ctx) }];
  }

  private async accounts() {
    const { rows } = await this.pool.query<{ email: string; display_name: string; role: string; region_ids: string[] }>(
      `SELECT email, display_name, role, region_ids::text[] AS region_ids FROM auth.accounts WHERE disabled_at IS NULL ORDER BY created_at, email`,
    );
    return rows;
  }

  private requirePublicUrl(): string {
    if (!this.config.PUBLIC_URL) throw new Error('PUBLIC_URL fehlt: Erinnerungen verlinken auf das Empfehlungsradar.');
    return this.config.PUBLIC_URL;
  }
}
