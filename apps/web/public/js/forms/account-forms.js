// The office manages the accounts of its region (the public views are switched under Einstellungen).
import { commandForm } from './command-form.js';
import { roleOptions } from './choices.js';

export const createAccountForm = (ctx, committees, done) => commandForm({
  name: 'create-account', title: 'Konto anlegen', submit: 'Konto anlegen', folded: true,
  intro: 'Das Konto gilt nur für diese Bildungsregion. Das Anfangspasswort bitte auf sicherem Weg weitergeben.',
  fields: [
    { name: 'displayName', label: 'Name', hint: 'wie er im Verlauf erscheinen soll' },
    { name: 'email', label: 'E-Mail-Adresse' },
    { name: 'role', label: 'Rolle', type: 'select', options: roleOptions(), value: 'committee' },
    { name: 'committeeIds', label: 'Gremien (nur für Gremienmitglieder)', type: 'checkboxes', options: committees.map((c) => [c.committeeId, c.name]) },
    { name: 'password', label: 'Anfangspasswort', type: 'password', hint: 'mindestens 10 Zeichen' },
  ],
  path: () => `/regions/${ctx.region.regionId}/accounts`,
  body: (v) => ({
    email: v.email ?? '', ...(v.displayName ? { displayName: v.displayName } : {}), role: v.role,
    ...(v.role === 'committee' || v.committeeIds.length ? { committeeIds: v.committeeIds } : {}), password: v.password ?? '',
  }),
  done: (answer) => done(`Das Konto für ${answer.email} ist angelegt.`),
});

export const disableAccountForm = (ctx, accounts, done) => commandForm({
  name: 'disable-account', title: 'Konto sperren', submit: 'Konto sperren', folded: true,
  intro: 'Gesperrte Konten können sich nicht mehr anmelden.',
  fields: [
    { name: 'accountId', label: 'Konto', type: 'select', options: accounts.map((a) => [a.id, `${a.displayName} (${a.email})`]) },
  ],
  path: (v) => `/regions/${ctx.region.regionId}/accounts/${encodeURIComponent(v.accountId ?? '')}/disable`,
  body: () => ({}),
  done: (answer) => done(`Das Konto ${answer.email} ist gesperrt.`),
});
