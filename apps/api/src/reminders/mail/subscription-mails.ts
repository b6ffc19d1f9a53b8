import { digestSections, type ChangeNote, type FollowMode } from '@app/figures';
import { both, de, recommendationLink, type Mail } from './texts';

export interface FollowMailContext {
  publicUrl: string;
  regionName: string;
  /** The subscriber's name as the account shows it. */
  recipientName: string;
  /** Dative, after "Sie folgen": "der Empfehlung 9. BK / 3 „…“", "dem Gremium „…“", "den Empfehlungen der 9. Bildungskonferenz". */
  followed: string;
  mode: FollowMode;
  unsubscribeUrl: string;
}

const time = (iso: string) => {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${parts.replace(',', '')} Uhr`;
};

const linkOf = (ctx: FollowMailContext, c: { recommendationId?: string }) =>
  c.recommendationId ? recommendationLink(ctx.publicUrl, c.recommendationId) : `${ctx.publicUrl.replace(/\/$/, '')}/#/gremien`;

const footer = (ctx: FollowMailContext) =>
  `Empfehlungsradar – ${ctx.regionName}. Sie erhalten diese Mail, weil Sie ${ctx.followed} folgen (${ctx.mode === 'change' ? 'bei jeder Änderung' : 'tägliche Zusammenfassung'}). Abbestellen geht ohne Anmeldung über den Link oben; Ihre Abonnements sehen Sie im Empfehlungsradar unter „Meine Abonnements“.`;

const unsubscribe = (ctx: FollowMailContext) => ({ link: ctx.unsubscribeUrl, label: 'Diese Benachrichtigung abbestellen' });

/** One change, right after it was recorded. */
export function changeMail(c: ChangeNote, ctx: FollowMailContext): Mail {
  return both(`Neu: ${c.heading}`, [
    `Guten Tag ${ctx.recipientName},`,
    `Sie folgen ${ctx.followed}. Im Empfehlungsradar wurde dazu eine Änderung erfasst:`,
    `${c.heading}\n${c.sentence}\n(erfasst am ${time(c.recordedAt)})`,
    { link: linkOf(ctx, c), label: c.recommendationId ? 'Zur Empfehlung' : 'Zu den Gremien' },
    unsubscribe(ctx),
  ], footer(ctx));
}

/** The changes collected on the days before `today`, one section per recommendation. */
export function followDigestMail(changes: readonly ChangeNote[], today: string, ctx: FollowMailContext): Mail {
  const sections = digestSections(changes);
  const count = `${changes.length} ${changes.length === 1 ? 'Änderung' : 'Änderungen'}`;
  return both(`Tägliche Zusammenfassung zum ${de(today)}: ${count}`, [
    `Guten Tag ${ctx.recipientName},`,
    `Sie folgen ${ctx.followed}. Seit der letzten Zusammenfassung wurden dazu ${count} erfasst.`,
    ...sections.flatMap((s) => [
      `${s.heading}\n${s.changes.map((c) => `• ${c.sentence} (erfasst am ${time(c.recordedAt)})`).join('\n')}`,
      { link: linkOf(ctx, s), label: s.recommendationId ? `Zur Empfehlung ${s.heading}` : 'Zu den Gremien' },
    ]),
    unsubscribe(ctx),
  ], footer(ctx));
}
