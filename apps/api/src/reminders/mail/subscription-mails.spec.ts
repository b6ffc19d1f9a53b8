import { changeMail, followDigestMail, type FollowMailContext } from './subscription-mails';

const ctx: FollowMailContext = {
  publicUrl: 'https://radar.example.de/',
  regionName: 'Bildungsregion Musterstadt',
  recipientName: 'Anna Abo',
  followed: 'dem Gremium „Schulausschuss“',
  mode: 'daily',
  unsubscribeUrl: 'https://radar.example.de/api/unsubscribe/abc.def',
};
const note = (eventId: string, recommendationId: string | undefined, heading: string, sentence: string, recordedAt: string) => ({
  eventId, ...(recommendationId ? { recommendationId } : {}), heading, sentence, recordedAt,
});

describe('subscription mails', () => {
  it('a change: what, about what, when (Berlin time), the link to the page and to unsubscribe, plain and HTML', () => {
    const mail = changeMail(note('e1', 'r1', '9. BK / 3 „Sprache“', 'Übergabe an das Gremium „Schulausschuss“ beschlossen.', '2026-07-01T08:05:00Z'), { ...ctx, mode: 'change' });
    expect(mail.subject).toBe('Neu: 9. BK / 3 „Sprache“');
    expect(mail.text).toContain('Guten Tag Anna Abo,\n\nSie folgen dem Gremium „Schulausschuss“. Im Empfehlungsradar wurde dazu eine Änderung erfasst:');
    expect(mail.text).toContain('9. BK / 3 „Sprache“\nÜbergabe an das Gremium „Schulausschuss“ beschlossen.\n(erfasst am 01.07.2026 10:05 Uhr)');
    expect(mail.text).toContain('Zur Empfehlung:\nhttps://radar.example.de/#/empfehlung/r1');
    expect(mail.text).toContain('Diese Benachrichtigung abbestellen:\nhttps://radar.example.de/api/unsubscribe/abc.def');
    expect(mail.text).toContain('weil Sie dem Gremium „Schulausschuss“ folgen (bei jeder Änderung)');
    expect(mail.html).toContain('<a href="https://radar.example.de/api/unsubscribe/abc.def">Diese Benachrichtigung abbestellen</a>');
  });

  it("a committee's own change links to the committees, and typed text never becomes markup", () => {
    const mail = changeMail(note('e2', undefined, 'Gremium „<b>AK</b>“', 'Gremium umbenannt in „<script>x</script>“.', '2026-01-15T12:00:00Z'), ctx);
    expect(mail.text).toContain('(erfasst am 15.01.2026 13:00 Uhr)');
    expect(mail.text).toContain('Zu den Gremien:\nhttps://radar.example.de/#/gremien');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('the digest: count in the subject, one section per recommendation with its link, changes in record order', () => {
    const mail = followDigestMail([
      note('b', 'r2', '9. BK / 2 „Zwei“', 'Bericht: in Umsetzung.', '2026-03-02T09:00:00Z'),
      note('a', 'r1', '9. BK / 1 „Eins“', 'Übergabe beschlossen.', '2026-03-02T08:00:00Z'),
      note('c', 'r1', '9. BK / 1 „Eins“', 'Übergabe angenommen.', '2026-03-02T10:00:00Z'),
    ], '2026-03-03', ctx);
    expect(mail.subject).toBe('Tägliche Zusammenfassung zum 03.03.2026: 3 Änderungen');
    expect(mail.text).toContain('Sie folgen dem Gremium „Schulausschuss“. Seit der letzten Zusammenfassung wurden dazu 3 Änderungen erfasst.');
    const one = mail.text.indexOf('9. BK / 1 „Eins“\n• Übergabe beschlossen. (erfasst am 02.03.2026 09:00 Uhr)\n• Übergabe angenommen.');
    const two = mail.text.indexOf('9. BK / 2 „Zwei“\n• Bericht: in Umsetzung.');
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(mail.text).toContain('Zur Empfehlung 9. BK / 1 „Eins“:\nhttps://radar.example.de/#/empfehlung/r1');
    expect(mail.text).toContain('(tägliche Zusammenfassung)');
    expect(followDigestMail([note('a', 'r1', 'H', 'S.', '2026-03-02T08:00:00Z')], '2026-03-03', ctx).subject).toMatch(/: 1 Änderung$/);
  });
});
