import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { signTestToken, TEST_JWT_SECRET } from '../support/auth';
import { builtApplication } from '../support/build';
import { runNode, waitFor, type RunningProcess } from '../support/processes';
import { adoptionBody, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startSmtp } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://radar.example.de';
const MAIL_FROM = 'Empfehlungsradar <radar@bildungsbuero.example>';
const de = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const STEP = 240_000;

describe('reminders by mail through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let f: RegionFixture;
  let pool: Pool;
  let smtpUrl: string;
  const today = calendarDateOf(new Date());

  /** A recommendation handed off to the fixture's committee today, accepted, its report due in `days`. */
  async function assignment(reference: string, days: number): Promise<string> {
    const adopted = await request(t.url).post(`${f.base}/recommendations`).set(actors.office())
      .send({ ...adoptionBody(f.conferenceId, [f.committeeId]), reference, adoptedOn: today }).expect(201);
    const id = adopted.body.id as string;
    const rec = `${f.base}/recommendations/${id}`;
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: addDays(today, days), decidedOn: today }).expect(201);
    await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: today }).expect(201);
    return id;
  }

  /** The inline projector has stored the accepted hand-offs of these recommendations. */
  const projected = (ids: string[]) =>
    waitFor('read models hold the accepted hand-offs', async () => {
      const { rows } = await pool.query(`SELECT facts FROM read_model.recommendation_facts WHERE recommendation_id = ANY($1)`, [ids]);
      return rows.length === ids.length && rows.every((r) => r.facts.handOffs[0]?.state === 'accepted');
    });

  const outboxRow = async (messageId: string) =>
    (await pool.query(`SELECT state, attempts, last_error FROM reminders.outbox WHERE message_id = $1`, [messageId])).rows;

  const reportKey = (id: string, due: string, phase: string) => messageIdOf(`committee:${id}:${f.committeeId}:report:${due}:${phase}`, PUBLIC_URL);

  beforeAll(async () => {
    smtp = await startSmtp();
    smtpUrl = `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`;
    t = await startTestApp({ PROJECTOR: 'inline', SMTP_URL: smtpUrl, MAIL_FROM, PUBLIC_URL });
    pool = t.app.get<Pool>(PG_POOL);
    f = await setUpRegion(t.url);
    const accounts = t.app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false });
    await createAccount(accounts, { email: 'buero@musterstadt.example', displayName: 'Frau Büro', password: 'Sehr-geheimes-Passwort-2026', role: 'office', regionIds: [f.regionId] });
    await createAccount(accounts, { email: 'lenkung@musterstadt.example', displayName: 'Lena Lenkung', password: 'Sehr-geheimes-Passwort-2026', role: 'steering', regionIds: [f.regionId] });
    await request(t.url).put(`${f.base}/committees/${f.committeeId}/contacts`).set(actors.office())
      .send({ contacts: [{ name: 'Frau Vorsitz', email: 'vorsitz@gremium.example' }, { name: 'Geschäftsstelle', email: 'gs@gremium.example' }] }).expect(200);
  }, STEP);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  let first: string;

  it('sends the committee its reminder and the Lenkungskreis its digest, in German, plain text and HTML, once', async () => {
    first = await assignment('9. BK / 1', 10);
    await projected([first]);
    const pass = t.app.get(ReminderPass);
    expect(await pass.run(noon(today))).toEqual({ planned: 2, sent: 2, failed: 0 });
    const due = addDays(today, 10);
    const reminder = smtp.mails.find((m) => m.messageId === reportKey(first, due, 'upcoming'))!;
    expect(reminder).toBeDefined();
    expect(reminder.subject).toBe(`Erinnerung: Sachstandsbericht zu „9. BK / 1“ fällig am ${de(due)}`);
    expect(reminder.from?.value).toEqual([{ name: 'Empfehlungsradar', address: 'radar@bildungsbuero.example' }]);
    expect((Array.isArray(reminder.to) ? reminder.to : [reminder.to]).flatMap((a) => a!.value.map((v) => v.address))).toEqual(['vorsitz@gremium.example', 'gs@gremium.example']);
    expect(reminder.text).toContain(`Fällig am ${de(due)} – in 10 Tagen.`);
    expect(reminder.text).toContain(`${PUBLIC_URL}/#/empfehlung/${first}`);
    // The form's name as the page shows it.
    expect(reminder.text).toContain('das Formular „Sachstand melden“ aus');
    expect(reminder.text).toContain('Fragen beantwortet das Regionale Bildungsbüro: Frau Büro, buero@musterstadt.example.');
    expect(reminder.html).toContain(`<a href="${PUBLIC_URL}/#/empfehlung/${first}">Zur Empfehlung und zum Formular</a>`);
    const digest = smtp.mails.find((m) => m.subject?.startsWith('Monatsübersicht'))!;
    expect(digest.messageId).toBe(messageIdOf(`digest:${f.regionId}:${today.slice(0, 7)}`, PUBLIC_URL));
    expect(digest.subject).toMatch(/^Monatsübersicht \S+ \d{4}: 0 überfällig, 0 ohne Bewegung, 0 nicht übergeben, 0 zur Nachhaltigkeitsprüfung$/);
    expect((digest.to as { text: string }).text).toBe('lenkung@musterstadt.example');

    // A second pass the same day: nothing new, nothing sent again.
    expect(await pass.run(noon(today))).toEqual({ planned: 0, sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
  }, STEP);

  it('keeps a reminder while the SMTP server is down and sends it once it is back, after the back-off', async () => {
    const pass = t.app.get(ReminderPass);
    const late = addDays(today, 11);
    const newMonth = late.slice(0, 7) !== today.slice(0, 7) ? 1 : 0;
    await smtp.close();
    const down = await pass.run(noon(late));
    expect(down).toEqual({ planned: 1 + newMonth, sent: 0, failed: 1 });
    const overdue = reportKey(first, addDays(today, 10), 'overdue-1');
    smtp = await startSmtp(smtp.port);
    // Still inside the minute of back-off: not tried again.
    expect(await pass.run(new Date(noon(late).getTime() + 30_000))).toEqual({ planned: 0, sent: 0, failed: 0 });
    expect(await pass.run(new Date(noon(late).getTime() + 61_000))).toEqual({ planned: 0, sent: 1 + newMonth, failed: 0 });
    const mail = smtp.mails.find((m) => m.messageId === overdue)!;
    expect(mail.subject).toBe(`Überfällig seit ${de(addDays(today, 10))}: Sachstandsbericht zu „9. BK / 1“`);
    expect(mail.text).toContain('Die Frist ist am ' + de(addDays(today, 10)) + ' abgelaufen, vor 1 Tag.');
    expect(await outboxRow(overdue)).toEqual([{ state: 'sent', attempts: 2, last_error: null }]);

    // What was sent and when, for the recommendation page and the audit: newest first.
    const listed = await request(t.url).get(`${f.base}/recommendations/${first}/reminders`).set(actors.auditor()).expect(200);
    expect(listed.body.reminders.map((m: { kind: string; dueOn: string; state: string; attempts: number; recipients: string[]; sentAt: string }) => [m.kind, m.dueOn, m.state, m.attempts, m.recipients, m.sentAt])).toEqual([
      ['report-overdue', addDays(today, 10), 'sent', 2, ['vorsitz@gremium.example', 'gs@gremium.example'], new Date(noon(late).getTime() + 61_000).toISOString()],
      ['report-upcoming', addDays(today, 10), 'sent', 1, ['vorsitz@gremium.example', 'gs@gremium.example'], noon(today).toISOString()],
    ]);

    // The audit history shows them beside the events (they are none), as known at knownAt.
    const history = await request(t.url).get(`${f.base}/recommendations/${first}/history`).set(actors.auditor()).expect(200);
    expect(history.body.remindersSent.map((m: { kind: string; sentAt: string }) => [m.kind, m.sentAt])).toEqual([
      ['report-overdue', new Date(noon(late).getTime() + 61_000).toISOString()],
      ['report-upcoming', noon(today).toISOString()],
    ]);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual(['RecommendationAdopted', 'RecommendationHandedOff', 'HandOffAccepted']);
    const before = await request(t.url).get(`${f.base}/recommendations/${first}/history`).query({ knownAt: new Date(noon(today).getTime() + 1000).toISOString() }).set(actors.auditor()).expect(200);
    expect(before.body.remindersSent.map((m: { kind: string }) => m.kind)).toEqual(['report-upcoming']);
  }, STEP);

  describe('as separate processes (npm run reminders -- --once)', () => {
    let build: string;
    let dataDir: string;
    const running: RunningProcess[] = [];
    const once = () => {
      // The API's signing secret, as every process of an installation shares it: it signs the unsubscribe links.
      const p = runNode([join(build, 'scripts', 'reminders.js'), '--once'], { DATABASE_URL: t.db.url, DATA_DIR: dataDir, SMTP_URL: smtpUrl, MAIL_FROM, PUBLIC_URL, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'error' });
      running.push(p);
      return p;
    };

    beforeAll(async () => {
      build = await builtApplication();
      dataDir = mkdtempSync(join(tmpdir(), 'erinnerungen-'));
    }, 600_000);
    afterAll(async () => {
      for (const p of running) await p.kill();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('two processes at once send each of six reminders exactly once', async () => {
      const ids: string[] = [];
      for (let i = 2; i <= 7; i++) ids.push(await assignment(`9. BK / ${i}`, 5));
      await projected(ids);
      const before = smtp.mails.length;
      const [a, b] = [once(), once()];
      const [ea, eb] = await Promise.all([a.exited, b.exited]);
      expect({ a: ea.code, b: eb.code, output: ea.code || eb.code ? a.output() + b.output() : '' }).toEqual({ a: 0, b: 0, output: '' });
      const expected = ids.map((id) => reportKey(id, addDays(today, 5), 'upcoming')).sort();
      expect(smtp.mails.slice(before).map((m) => m.messageId).sort()).toEqual(expected);
      for (const id of expected) expect(await outboxRow(id)).toEqual([{ state: 'sent', attempts: 1, last_error: null }]);
    }, STEP);

    it('a process killed after SMTP took the mail but before recording it: the next pass sends it again with the same Message-ID and records it once', async () => {
      const id = await assignment('9. BK / 8', 5);
      await projected([id]);
      const messageId = reportKey(id, addDays(today, 5), 'upcoming');
      const victim = once();
      smtp.state.onMail = (m) => {
        if (m.messageId === messageId) victim.child.kill('SIGKILL');
      };
      expect((await victim.exited).signal).toBe('SIGKILL');
      smtp.state.onMail = undefined;
      // The database notices the dead connection and releases the row's lock.
      await waitFor('the row unlocked', async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query(`SELECT 1 FROM reminders.outbox WHERE message_id = $1 FOR UPDATE SKIP LOCKED`, [messageId]);
          return rows.length === 1;
        } finally {
          await client.query('ROLLBACK');
          client.release();
        }
      });
      expect(await outboxRow(messageId)).toEqual([{ state: 'pending', attempts: 0, last_error: null }]);
      const again = once();
      expect((await again.exited).code).toBe(0);
      expect(smtp.mails.filter((m) => m.messageId === messageId)).toHaveLength(2);
      expect(await outboxRow(messageId)).toEqual([{ state: 'sent', attempts: 1, last_error: null }]);
    }, STEP);

    it("two processes at once: a follower's mail per change is sent once each, and its unsubscribe link works in the API", async () => {
      const accounts = t.app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false });
      const follower = await createAccount(accounts, { email: 'folgt@musterstadt.example', displayName: 'Fritz Folgt', password: 'Sehr-geheimes-Passwort-2026', role: 'auditor', regionIds: [f.regionId] });
      await request(t.url).post(`${f.base}/subscriptions`).set({ Authorization: `Bearer ${signTestToken('auditor', { userId: follower.id, regionIds: [f.regionId] })}` })
        .send({ targetType: 'committee', targetId: f.committeeId, mode: 'change' }).expect(201);
      const ids = [await assignment('9. BK / 20', 30), await assignment('9. BK / 21', 30), await assignment('9. BK / 22', 30)];
      await projected(ids);
      const [a, b] = [once(), once()];
      const [ea, eb] = await Promise.all([a.exited, b.exited]);
      expect({ a: ea.code, b: eb.code, output: ea.code || eb.code ? a.output() + b.output() : '' }).toEqual({ a: 0, b: 0, output: '' });
      const mails = smtp.mails.filter((m) => (m.to as { text: string }).text === 'folgt@musterstadt.example');
      // Each assignment: the hand-off and its acceptance name the committee.
      expect(mails).toHaveLength(6);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(6);
      const link = /https:\/\/radar\.example\.de(\/api\/unsubscribe\/\S+)/.exec(mails[0]!.text ?? '')![1]!;
      await request(t.url).post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
      expect((await pool.query(`SELECT count(*)::int AS n FROM reminders.subscriptions`)).rows).toEqual([{ n: 0 }]);
    }, STEP);
  });
});