import { escape } from '../mail/texts';

/** The small German pages behind a mail's unsubscribe link: plain HTML, no script, usable without login. */

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)} – Empfehlungsradar</title></head>`,
    `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  ].join('\n');
}

/** GET: says what would end and asks; only the button (a POST) ends it, so a mail scanner following links ends nothing. */
export function confirmPage(what: string, mode: 'change' | 'daily'): string {
  return page('Benachrichtigung abbestellen', [
    `<p>Sie folgen ${escape(what)} und bekommen ${mode === 'change' ? 'bei jeder Änderung eine Mail' : 'eine tägliche Zusammenfassung'}.</p>`,
    '<form method="post"><button type="submit">Jetzt abbestellen</button></form>',
    '<p>Andere Abonnements bleiben bestehen. Sie sehen sie nach der Anmeldung unter „Meine Abonnements“.</p>',
  ].join('\n'));
}

export function donePage(what: string | undefined): string {
  return page('Abbestellt', what
    ? `<p>Sie bekommen keine Mails mehr, weil Sie ${escape(what)} folgten. Noch nicht versandte Mails dieses Abonnements entfallen.</p>`
    : '<p>Dieses Abonnement ist bereits abbestellt. Sie bekommen dazu keine Mails mehr.</p>');
}

export function refusedPage(reason: 'malformed' | 'forged'): string {
  return page('Link ungültig', reason === 'malformed'
    ? '<p>Dieser Abbestell-Link ist unvollständig. Bitte öffnen Sie den Link aus der Mail vollständig (manche Mailprogramme brechen lange Links um).</p>'
    : '<p>Dieser Abbestell-Link ist nicht gültig. Es wurde nichts geändert. Abbestellen können Sie auch nach der Anmeldung unter „Meine Abonnements“.</p>');
}
