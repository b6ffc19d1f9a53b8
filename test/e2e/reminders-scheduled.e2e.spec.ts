import request from 'supertest';
import type { DataSource } from 'typeorm';
import { calendarDateOf } from '@app/domain';
import { addDays } from '@app/figures';
import { createAccount } from '../../apps/api/src/auth/accounts';
import { AUTH_DATA_SOURCE } from '../../apps/api/src/auth/auth.tokens';
import { messageIdOf } from '../../apps/api/src/reminders/outbox/message-id';
import { actors } from '../support/actors';
import { waitFor } from '../support/processes';
import { adoptionBody, setUpRegion } from '../support/region-fixture';
import { startSmtp } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://radar.example.de';

describe('REMINDERS=on: the API plans and sends by itself', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      PROJECTOR: 'inline', REMINDERS: 'on', REMINDER_INTERVAL: '10',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, MAIL_FROM: 'radar@bildungsbuero.example', PUBLIC_URL,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a hand-off accepted today with its report due in 3 days reaches the committee and the digest the Lenkungskreis, each once', async () => {
    const f = await setUpRegion(t.url);
    const today = calendarDateOf(new Date());
    await createAccount(t.app.get<DataSource>(AUTH_DATA_SOURCE, { strict: false }), { email: 'lenkung@musterstadt.example', displayName: 'Lena Lenkung', password: 'Sehr-geheimes-Passwort-2026', role: 'steering', regionIds: [f.regionId] });
    await request(t.url).put(`${f.base}/committees/${f.committeeId}/contacts`).set(actors.office()).send({ contacts: [{ name: 'Frau Vorsitz', email: 'vorsitz@gremium.example' }] }).expect(200);
    const adopted = await request(t.url).post(`${f.base}/recommendations`).set(actors.office()).send({ ...adoptionBody(f.conferenceId, [f.committeeId]), adoptedOn: today }).expect(201);
    const rec = `${f.base}/recommendations/${adopted.body.id}`;
    await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: addDays(today, 3), decidedOn: today }).expect(201);
    await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(actors.committee(f.committeeId)).send({ on: today }).expect(201);
    const expected = [
      messageIdOf(`committee:${adopted.body.id}:${f.committeeId}:report:${addDays(today, 3)}:upcoming`, PUBLIC_URL),
      messageIdOf(`digest:${f.regionId}:${today.slice(0, 7)}`, PUBLIC_URL),
    ].sort();
    await waitFor('both mails at the SMTP server', () => expected.every((id) => smtp.mails.some((m) => m.messageId === id)), 120_000, 200);
    // Recorded as sent, and nothing sent twice.
    const listed = () => request(t.url).get(`${rec}/reminders`).set(actors.office()).expect(200);
    await waitFor('recorded as sent', async () => (await listed()).body.reminders.every((m: { state: string }) => m.state === 'sent'), 60_000, 200);
    expect(smtp.mails.map((m) => m.messageId).sort()).toEqual(expected);
  }, 240_000);
});
