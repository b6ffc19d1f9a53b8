import type { ParsedMail } from 'mailparser';
import type { Pool } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { calendarDateOf } from '@app/domain';
import { addDays } from '@app/figures';
import { createAccount } from '../../apps/api/src/auth/accounts';
import { AUTH_DATA_SOURCE } from '../../apps/api/src/auth/auth.tokens';
import { PG_POOL } from '../../apps/api/src/infrastructure/tokens';
import { messageIdOf } from '../../apps/api/src/reminders/outbox/message-id';
import { ReminderPass } from '../../apps/api/src/reminders/reminder-pass';
import { actors } from '../support/actors';
import { signTestToken } from '../support/auth';
import { waitFor } from '../support/processes';
import { adoptionBody, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startSmtp } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://radar.example.de';
const MAIL_FROM = 'Empfehlungsradar <radar@bildungsbuero.example>';
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const STEP = 240_000;
const PASSWORD = 'Sehr-geheimes-Passwort-2026';

describe('subscriptions: follow by mail, per change or daily, unsubscribe without login', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let f: RegionFixture;
  let pool: Pool;
  const today = calendarDateOf(new Date());
  /** An auditor and a committee member with accounts (so with addresses). */
  let anna: Record<string, string>;
  let ben: Record<string, string>;

  const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a!.value.map((v) => v.address));
  const mailsTo = (address: string, from = 0) => smtp.mails.slice(from).filter((m) => to(m).includes(address));
  const unsubscribeLink = (m: ParsedMail) => /https:\/\/radar\.example\.de(\/api\/unsubscribe\/\S+)/.exec(m.text ?? '')![1]!;
  const subscriptionIds = async () => (await pool.query(`SELECT subscription_id FROM reminders.subscriptions ORDER BY subscription_id`)).rows.map((r) => r.subscription_id as string);

  async function adopt(reference: string, conferenceId = f.conferenceId): Promise<string> {
    const res = await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send({ ...adoptionBody(conferenceId, [f.committeeId]), reference, adoptedOn: today }).expect(201);
    return res.body.id as string;
  }
  const handOff = (id: string, committeeId = f.committeeId) =>
    request(t.url).post(`${f.base}/recommendations/${id}/hand-offs`).set(actors.steering()).send({ committeeId, mandate: 'Umsetzen', reportDueOn: addDays(today, 90), decidedOn: today }).expect(201);
  const accept = (id: string, committeeId = f.committeeId) =>
    request(t.url).post(`${f.base}/recommendations/${id}/hand-offs/${committeeId}/acceptance`).set(actors.committee(committeeId)).send({ on: today }).expect(201);
  const follow = (who: Record<string, string>, targetType: string, targetId: string, mode: string) =>
    request(t.url).post(`${f.base}/subscriptions`).set(who).send({ targetType, targetId, mode });
  /** The inline projector has stored this many events of the recommendation (names for the mails). */
  const projected = (id: string) => waitFor('read model holds the recommendation', async () => (await pool.query(`SELECT 1 FROM read_model.recommendation_facts WHERE recommendation_id = $1`, [id])).rows.length === 1);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ PROJECTOR: 'inline', SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, MAIL_FROM, PUBLIC_URL });
    pool = t.app.get<Pool>(PG_POOL);
    f = await setUpRegion(t.url);
    const accounts = t.app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false });
    const a = await createAccount(accounts, { email: 'anna@pruefung.example', displayName: 'Anna Abo', password: PASSWORD, role: 'auditor', regionIds: [f.regionId] });
    const b = await createAccount(accounts, { email: 'ben@gremium.example', displayName: 'Ben Gremium', password: PASSWORD, role: 'committee', regionIds: [f.regionId], committeeIds: [f.committeeId] });
    anna = { Authorization: `Bearer ${signTestToken('auditor', { userId: a.id, regionIds: [f.regionId] })}` };
    ben = { Authorization: `Bearer ${signTestToken('committee', { userId: b.id, regionIds: [f.regionId], committeeIds: [f.committeeId] })}` };
  }, STEP);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  let first: string;
  let annasFirst: string;

  it('a mail per change: the hand-off after following, not the adoption before; German, plain text and HTML, with one-click unsubscribe headers', async () => {
    first = await adopt('9. BK / 1');
    await projected(first);
    const created = await follow(anna, 'recommendation', first, 'change').expect(201);
    annasFirst = created.body.subscriptionId;
    expect(created.body).toMatchObject({ targetType: 'recommendation', targetId: first, mode: 'change', targetName: expect.stringMatching(/^9\. BK \/ 1 /) });
    await handOff(first);
    const pass = t.app.get(ReminderPass);
    await pass.run(noon(today));
    const mails = mailsTo('anna@pruefung.example');
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ParsedMail];
    expect(mail.subject).toMatch(/^Neu: 9\. BK \/ 1 „/);
    expect(mail.text).toContain('Guten Tag Anna Abo,');
    expect(mail.text).toContain('Übergabe an das Gremium „Fachgremium Übergang Schule/Beruf“ beschlossen');
    expect(mail.text).toContain(`${PUBLIC_URL}/#/empfehlung/${first}`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/#/empfehlung/${first}">Zur Empfehlung</a>`);
    const link = unsubscribeLink(mail);
    expect(mail.html).toContain(`${PUBLIC_URL}${link}`);
    // RFC 8058 one-click, as the raw header lines carry it (mailparser folds List-* into `list`).
    const header = (key: string) => mail.headerLines.find((l) => l.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${PUBLIC_URL}${link}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // The same pass again, and another day: nothing new.
    await pass.run(noon(today));
    await pass.run(noon(addDays(today, 1)));
    expect(mailsTo('anna@pruefung.example')).toHaveLength(1);
  }, STEP);

  it('a daily digest across simulated days: collected on the day, sent the next, once; a change after the digest waits for the next one', async () => {
    const pass = t.app.get(ReminderPass);
    const sub = (await follow(ben, 'committee', f.otherCommitteeId, 'daily').expect(201)).body.subscriptionId as string;
    const second = await adopt('9. BK / 2');
    await handOff(second, f.otherCommitteeId);
    await accept(second, f.otherCommitteeId);
    // Another committee's hand-off is not news to Ben.
    const third = await adopt('9. BK / 3');
    await handOff(third, f.committeeId);
    await projected(third);
    const day1 = addDays(today, 1);
    await pass.run(noon(day1));
    expect(mailsTo('ben@gremium.example')).toHaveLength(0);
    await pass.run(noon(addDays(day1, 1)));
    const [digest, ...more] = mailsTo('ben@gremium.example');
    expect(more).toHaveLength(0);
    expect(digest!.messageId).toBe(messageIdOf(`subscription:${sub}:digest:${addDays(day1, 1)}`, PUBLIC_URL));
    expect(digest!.subject).toMatch(/: 2 Änderungen$/);
    expect(digest!.text).toContain('9. BK / 2 „');
    expect(digest!.text).not.toContain('9. BK / 3');
    expect(digest!.text).toContain('dem Gremium „Schulausschuss“');
    await pass.run(noon(addDays(day1, 1)));
    expect(mailsTo('ben@gremium.example')).toHaveLength(1);

    await request(t.url).post(`${f.base}/recommendations/${second}/status-reports`).set(actors.committee(f.otherCommitteeId))
      .send({ committeeId: f.otherCommitteeId, status: 'in_progress', summary: 'Angefangen.', evidence: [], reportedOn: today }).expect(201);
    await pass.run(noon(addDays(day1, 1)));
    expect(mailsTo('ben@gremium.example')).toHaveLength(1);
    await pass.run(noon(addDays(day1, 2)));
    const next = mailsTo('ben@gremium.example');
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toMatch(/: 1 Änderung$/);
  }, STEP);

  it('exactly once with two passes racing: each change of the followed conference is one mail', async () => {
    const pass = t.app.get(ReminderPass);
    await follow(anna, 'conference', f.laterConferenceId, 'change').expect(201);
    const before = smtp.mails.length;
    const ids = [await adopt('10. BK / 1', f.laterConferenceId), await adopt('10. BK / 2', f.laterConferenceId)];
    for (const id of ids) await handOff(id);
    await Promise.all([pass.run(noon(addDays(today, 3))), pass.run(noon(addDays(today, 3))), pass.run(noon(addDays(today, 3)))]);
    await pass.run(noon(addDays(today, 3)));
    const mails = mailsTo('anna@pruefung.example', before);
    expect(mails).toHaveLength(4);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);
    expect(mails.filter((m) => m.subject?.startsWith('Neu: 10. BK / 1 '))).toHaveLength(2);
    const { rows } = await pool.query(`SELECT state, count(*)::int AS n FROM reminders.outbox WHERE kind = 'follow-change' GROUP BY state`);
    expect(rows).toEqual([{ state: 'sent', n: 5 }]);
  }, STEP);

  it('the unsubscribe link: GET only asks, a forged or foreign token is refused and writes nothing, POST (one-click) ends it, once', async () => {
    const [mail] = mailsTo('anna@pruefung.example');
    const link = unsubscribeLink(mail!);
    const [annasId, mac] = link.replace('/api/unsubscribe/', '').split('.') as [string, string];
    expect(annasId).toBe(annasFirst);
    const before = await subscriptionIds();

    const asked = await request(t.url).get(link).expect(200);
    expect(asked.type).toBe('text/html');
    expect(asked.text).toContain('Jetzt abbestellen');
    expect(asked.text).toContain('der Empfehlung 9. BK / 1');

    const bens = (await request(t.url).get(`${f.base}/subscriptions`).set(ben).expect(200)).body.subscriptions[0].subscriptionId as string;
    // A browser gets a German page, any other client problem+json.
    const foreign = await request(t.url).post(`/api/unsubscribe/${bens}.${mac}`).set('Accept', 'text/html,*/*;q=0.8').type('form').send('List-Unsubscribe=One-Click').expect(403);
    expect(foreign.type).toBe('text/html');
    expect(foreign.text).toContain('Dieser Abbestell-Link ist nicht gültig');
    const asProblem = await request(t.url).post(`/api/unsubscribe/${bens}.${mac}`).type('form').send('List-Unsubscribe=One-Click').expect(403);
    expect(asProblem.type).toBe('application/problem+json');
    expect(asProblem.body.code).toBe('unsubscribe.forged');
    const flipped = mac.slice(0, 5) + (mac[5] === 'a' ? 'b' : 'a') + mac.slice(6);
    await request(t.url).post(`/api/unsubscribe/${annasId}.${flipped}`).type('form').send('List-Unsubscribe=One-Click').expect(403);
    await request(t.url).get(`/api/unsubscribe/${annasId}.${flipped}`).expect(403);
    await request(t.url).post(`/api/unsubscribe/${annasId}.${mac.slice(0, 20)}`).type('form').send('List-Unsubscribe=One-Click').expect(400);
    await request(t.url).post(`/api/unsubscribe/${annasId}`).expect(400);
    expect(await subscriptionIds()).toEqual(before);

    const done = await request(t.url).post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.text).toContain('Sie bekommen keine Mails mehr');
    expect(await subscriptionIds()).toEqual(before.filter((id) => id !== annasId));
    const again = await request(t.url).post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(again.text).toContain('bereits abbestellt');

    // No more mails about it.
    const count = mailsTo('anna@pruefung.example').length;
    await accept(first);
    await t.app.get(ReminderPass).run(noon(addDays(today, 3)));
    expect(mailsTo('anna@pruefung.example')).toHaveLength(count);
  }, STEP);

  it("the API: each sees and ends only their own; following again changes the mode; bad input is a 4xx and writes nothing", async () => {
    const list = (who: Record<string, string>) => request(t.url).get(`${f.base}/subscriptions`).set(who).expect(200).then((r) => r.body.subscriptions as { subscriptionId: string; targetType: string; mode: string; targetName: string }[]);
    const annas = await list(anna);
    expect(annas.map((s) => [s.targetType, s.mode, s.targetName])).toEqual([['conference', 'change', '10. Bildungskonferenz']]);
    const bens = await list(ben);
    expect(bens.map((s) => [s.targetType, s.mode, s.targetName])).toEqual([['committee', 'daily', 'Schulausschuss']]);
    const changed = await follow(ben, 'committee', f.otherCommitteeId, 'change').expect(201);
    expect(changed.body).toMatchObject({ subscriptionId: bens[0]!.subscriptionId, mode: 'change' });

    const before = await subscriptionIds();
    await request(t.url).delete(`${f.base}/subscriptions/${bens[0]!.subscriptionId}`).set(anna).expect(404);
    await follow(anna, 'recommendation', '00000000-0000-4000-8000-000000000000', 'change').expect(404);
    await follow(anna, 'committee', f.committeeId, 'weekly').expect(400);
    await follow(anna, 'region', f.regionId, 'change').expect(400);
    await request(t.url).post(`${f.base}/subscriptions`).set(anna).send({ targetType: 'committee', targetId: f.committeeId, mode: 'change', email: 'x@y.example' }).expect(400);
    // A login without an account (no address to write to).
    await follow(actors.steering(), 'committee', f.committeeId, 'change').expect(409);
    expect(await subscriptionIds()).toEqual(before);

    await request(t.url).delete(`${f.base}/subscriptions/${bens[0]!.subscriptionId}`).set(ben).expect(204);
    expect(await list(ben)).toEqual([]);
    await request(t.url).delete(`${f.base}/subscriptions/${bens[0]!.subscriptionId}`).set(ben).expect(404);
  }, STEP);
});
