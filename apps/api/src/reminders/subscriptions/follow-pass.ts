import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { calendarDateOf } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { followedChanges, sentenceOf, type ChangeNote, type FollowedChange, type Follower, type RecommendationFacts } from '@app/figures';
import { loadDirectory, READ_MODEL_SCHEMA, type Directory } from '@app/read-models';
import { LOCAL_TOKEN_KEY } from '../../auth/auth.tokens';
import type { LocalTokenKey } from '../../auth/local-tokens';
import { EVENT_STORE, PG_POOL } from '../../infrastructure/tokens';
import { changeMail, followDigestMail, type FollowMailContext } from '../mail/subscription-mails';
import { messageIdOf } from '../outbox/message-id';
import { Outbox, type OutboxEntry } from '../outbox/outbox';
import { unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

/** Events per read, and reads per pass: a pass holds its transaction briefly; a long backlog takes several passes. */
const PAGE = 500;
const PAGES_PER_PASS = 20;
const FOLLOWED_STREAMS = ['recommendation-', 'committee-'];

interface Subscriber extends Follower {
  email: string;
  name: string;
}

type RecommendationNames = Map<string, Pick<RecommendationFacts, 'conferenceId' | 'reference' | 'title' | 'indicators'>>;

/**
 * Follows the region logs for the subscriptions: reads every recommendation and committee event
 * after the position kept in `reminders.subscription_cursor` (through the event store's readAll),
 * plans a mail per change into the outbox or collects the change for the digest, and plans the
 * digests of the days before today. All in one transaction that holds the cursor row (FOR UPDATE
 * SKIP LOCKED): one process follows at a time, the others skip; a crash leaves cursor and plans
 * as they were, and the next pass repeats the same deterministic message ids.
 */
@Injectable()
export class FollowPass {
  private readonly outbox: Outbox;
  private readonly key: Buffer;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOCAL_TOKEN_KEY) tokenKey: LocalTokenKey,
  ) {
    this.outbox = new Outbox(pool);
    this.key = unsubscribeKey(tokenKey.secret);
  }

  unsubscribeUrl(publicUrl: string, subscriptionId: string): string {
    return `${publicUrl.replace(/\/$/, '')}/api/unsubscribe/${unsubscribeToken(this.key, subscriptionId)}`;
  }

  /** Returns how many mails were newly planned. */
  async run(now: Date, publicUrl: string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ position: string | null }>(`SELECT position FROM reminders.subscription_cursor WHERE name = 'log' FOR UPDATE SKIP LOCKED`);
      if (!rows[0]) {
        await client.query('COMMIT');
        return 0; // another process is following the log right now
      }
      const today = calendarDateOf(now);
      let position = rows[0].position === null ? undefined : BigInt(rows[0].position);
      const events: RecordedEvent[] = [];
      for (let page = 0; page < PAGES_PER_PASS; page++) {
        const read = await this.store.readAll({ fromPosition: position, limit: PAGE, streamPrefixes: FOLLOWED_STREAMS });
        events.push(...read);
        if (read.length > 0) position = read.at(-1)!.position;
        if (read.length < PAGE) break;
      }
      // Subscribers after the events: a subscription stored while the log was read is seen here,
      // and it dates from the database's clock like the events, so it gets what was recorded after it.
      const subscribers = await this.subscribers(client);
      // Names only when someone follows and something is to be told: most passes find nothing new.
      let directory: Directory | undefined;
      const recommendations: RecommendationNames = new Map();
      const names = async (ids: Iterable<string>): Promise<Names> => {
        directory ??= await loadDirectory(client, READ_MODEL_SCHEMA);
        await this.learnRecommendations(client, recommendations, [...ids, ...subscribers.filter((s) => s.targetType === 'recommendation').map((s) => s.targetId)]);
        return { directory, recommendations };
      };
      let planned = 0;
      if (subscribers.length && events.length) {
        const known = await names(events.flatMap((e) => (e.streamId.startsWith('recommendation-') ? [e.streamId.slice('recommendation-'.length)] : [])));
        const matches = followedChanges(subscribers, events, (id) => known.recommendations.get(id)?.conferenceId);
        for (const m of matches) planned += await this.handOut(client, m as FollowedChange<RecordedEvent> & { follower: Subscriber }, known, publicUrl, today, now);
      }
      await client.query(`UPDATE reminders.subscription_cursor SET position = $1 WHERE name = 'log'`, [position?.toString() ?? null]);
      if (subscribers.length) planned += await this.planDigests(client, subscribers, names, publicUrl, today, now);
      await client.query('COMMIT');
      return planned;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async handOut(client: PoolClient, m: FollowedChange<RecordedEvent> & { follower: Subscriber }, names: Names, publicUrl: string, today: string, now: Date): Promise<number> {
    const note = noteOf(m, names);
    const f = m.follower;
    if (f.mode === 'daily') {
      await client.query(
        `INSERT INTO reminders.subscription_changes (subscription_id, event_id, collected_on, change) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [f.subscriptionId, note.eventId, today, JSON.stringify(note)],
      );
      return 0;
    }
    const ctx = this.mailContext(f, names, publicUrl);
    return this.outbox.enqueue([this.entry(f, `subscription:${f.subscriptionId}:${note.eventId}`, 'follow-change', today, ctx, changeMail(note, ctx))], now, client);
  }

  /**
   * One digest per subscription and day, of what was collected before today. If today's digest
   * was planned already (a change collected late, after it), the changes wait for tomorrow's.
   */
  private async planDigests(client: PoolClient, subscribers: Subscriber[], names: (ids: Iterable<string>) => Promise<Names>, publicUrl: string, today: string, now: Date): Promise<number> {
    const { rows } = await client.query<{ subscription_id: string; changes: ChangeNote[] }>(
      `SELECT subscription_id, json_agg(change ORDER BY event_id) AS changes FROM reminders.subscription_changes WHERE collected_on < $1 GROUP BY subscription_id ORDER BY subscription_id`,
      [today],
    );
    let planned = 0;
    for (const row of rows) {
      const f = subscribers.find((s) => s.subscriptionId === row.subscription_id);
      if (!f) continue; // account disabled or no longer in the region: nothing is sent
      const ctx = this.mailContext(f, await names([]), publicUrl);
      const added = await this.outbox.enqueue([this.entry(f, `subscription:${f.subscriptionId}:digest:${today}`, 'follow-digest', today, ctx, followDigestMail(row.changes, today, ctx))], now, client);
      if (added) await client.query(`DELETE FROM reminders.subscription_changes WHERE subscription_id = $1 AND collected_on < $2`, [f.subscriptionId, today]);
      planned += added;
    }
    return planned;
  }

  private entry(f: Subscriber, key: string, kind: string, today: string, ctx: FollowMailContext, mail: { subject: string; text: string; html: string }): OutboxEntry {
    return {
      messageId: messageIdOf(key, ctx.publicUrl), regionId: f.regionId, kind, plannedOn: today, recipients: [f.email], ...mail,
      subscriptionId: f.subscriptionId, listUnsubscribe: ctx.unsubscribeUrl,
    };
  }

  private mailContext(f: Subscriber, names: Names, publicUrl: string): FollowMailContext {
    return {
      publicUrl, regionName: names.directory.regions.get(f.regionId)?.name ?? 'Bildungsregion', recipientName: f.name, mode: f.mode,
      followed: followedLabel(f, names), unsubscribeUrl: this.unsubscribeUrl(publicUrl, f.subscriptionId),
    };
  }

  /** Active accounts only, and only in regions they still belong to. */
  private async subscribers(client: PoolClient): Promise<Subscriber[]> {
    const { rows } = await client.query<{ subscription_id: string; region_id: string; target_type: Follower['targetType']; target_id: string; mode: Follower['mode']; created_at: Date; email: string; display_name: string }>(
      `SELECT s.subscription_id, s.region_id, s.target_type, s.target_id, s.mode, s.created_at, a.email, a.display_name
         FROM reminders.subscriptions s JOIN auth.accounts a ON a.id::text = s.user_id
        WHERE a.disabled_at IS NULL AND s.region_id = ANY (a.region_ids::text[]) ORDER BY s.subscription_id`,
    );
    return rows.map((r) => ({
      subscriptionId: r.subscription_id, regionId: r.region_id, targetType: r.target_type, targetId: r.target_id, mode: r.mode, createdAt: r.created_at, email: r.email, name: r.display_name,
    }));
  }

  /**
   * Of the recommendations named (those in the batch, and the followed ones) what the mails show,
   * read once per pass: not the whole facts table, which a large installation holds by the 100 MB.
   */
  private async learnRecommendations(client: PoolClient, known: RecommendationNames, ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const { rows } = await client.query<{ recommendation_id: string; conference_id: string; reference: string; title: string; indicators: RecommendationFacts['indicators'] | null }>(
      `SELECT recommendation_id, conference_id, facts->>'reference' AS reference, facts->>'title' AS title, facts->'indicators' AS indicators
         FROM "${READ_MODEL_SCHEMA}".recommendation_facts WHERE recommendation_id = ANY($1)`,
      [missing],
    );
    for (const r of rows) known.set(r.recommendation_id, { conferenceId: r.conference_id, reference: r.reference, title: r.title, indicators: r.indicators ?? [] });
  }
}

interface Names {
  directory: Directory;
  recommendations: RecommendationNames;
}

const quoted = (s: string) => `„${s}“`;

/** "der Empfehlung 9. BK / 3 „…“", "dem Gremium „…“", "den Empfehlungen der 9. Bildungskonferenz" (after "Sie folgen"). */
export function followedLabel(f: Pick<Follower, 'targetType' | 'targetId'>, names: Names): string {
  switch (f.targetType) {
    case 'recommendation': {
      const r = names.recommendations.get(f.targetId);
      return r ? `der Empfehlung ${r.reference} ${quoted(r.title)}` : 'einer Empfehlung';
    }
    case 'committee': {
      const c = names.directory.committees.get(f.targetId);
      return c ? `dem Gremium ${quoted(c.name)}` : 'einem Gremium';
    }
    case 'conference': {
      const k = names.directory.conferences.get(f.targetId);
      return k ? `den Empfehlungen der ${k.label}` : 'den Empfehlungen einer Bildungskonferenz';
    }
  }
}

/** The change in the timeline's sentence (a correction names the corrected field without its earlier value: the stream is not read here). */
function noteOf(m: FollowedChange<RecordedEvent>, names: Names): ChangeNote {
  const { event, subject } = m;
  const rec = subject.recommendationId ? names.recommendations.get(subject.recommendationId) : undefined;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const actor = (event.metadata as { actor?: { onBehalfOf?: string } }).actor;
  const sentence = sentenceOf({ eventId: event.id, type: event.type, data: event.data }, {
    committeeName: (id) => names.directory.committees.get(id)?.name,
    conferenceLabel: (id) => names.directory.conferences.get(id)?.label,
    indicator: (id) => rec?.indicators.find((i) => i.indicatorId === id),
  }, [], actor);
  const reference = rec?.reference ?? (typeof data.reference === 'string' ? data.reference : undefined);
  const title = rec?.title ?? (typeof data.title === 'string' ? data.title : undefined);
  const heading = subject.recommendationId
    ? reference ? `${reference} ${quoted(title ?? '')}` : 'Empfehlung'
    : `Gremium ${quoted(names.directory.committees.get(subject.committeeId ?? '')?.name ?? (typeof data.name === 'string' ? data.name : ''))}`;
  return { eventId: event.id, ...(subject.recommendationId ? { recommendationId: subject.recommendationId } : {}), heading, sentence, recordedAt: event.recordedAt.toISOString() };
}
