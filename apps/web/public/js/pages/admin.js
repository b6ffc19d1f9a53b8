// Verwaltung (Bildungsbüro): conferences, committees, accounts and the public views of the region.
import { api } from '../api.js';
import { date } from '../format.js';
import { h, show } from '../dom.js';
import { ROLE, label } from '../labels.js';
import { table } from '../ui.js';
import { COMMITTEE_KIND, CONFERENCE_KIND, everything, mayIssue } from '../forms/choices.js';
import { savedAndReload, savedNotice } from '../forms/command-form.js';
import { createAccountForm, disableAccountForm } from '../forms/account-forms.js';
import {
  calendarFeedForm, committeeContactsForm, dissolveCommitteeForm, holdConferenceForm, registerCommitteeForm, renameCommitteeForm, rescheduleConferenceForm, scheduleConferenceForm,
} from '../forms/directory-forms.js';

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

export async function renderAdmin(main, ctx) {
  const { region, account, link } = ctx;
  document.title = 'Verwaltung – Empfehlungsradar';
  if (!mayIssue(account, 'ScheduleConference')) {
    show(main, h('h1', {}, 'Verwaltung'), h('p', { class: 'leer' }, 'Die Verwaltung ist dem Regionalen Bildungsbüro vorbehalten.'));
    return;
  }
  const base = `/regions/${region.regionId}`;
  const [conferences, committees, accounts, publicViews] = await Promise.all([
    everything(`${base}/conferences`),
    everything(`${base}/committees`),
    api.get(`${base}/accounts`),
    api.get(`${base}/settings/public-views`),
  ]);
  if (ctx.stale()) return;
  const done = (message) => savedAndReload(message);
  const planned = conferences.filter((c) => c.status === 'planned');
  const active = committees.filter((c) => c.status === 'active');
  const committeeName = new Map(committees.map((c) => [c.committeeId, c.name]));

  show(main,
    h('h1', {}, 'Verwaltung'),
    savedNotice(),
    h('p', { class: 'einleitung' }, 'Konferenzen, Gremien und Konten der Bildungsregion. Empfehlungen erfassen Sie unter ',
      h('a', { href: link('erfassen') }, 'Empfehlung erfassen'), '.'),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'konferenzen-titel' },
      h('h2', { id: 'konferenzen-titel' }, 'Bildungskonferenzen'),
      h('p', { class: 'ergebnis' }, `${count(conferences.length, 'Konferenz', 'Konferenzen')}, davon ${planned.length} geplant.`),
      table(null, ['Konferenz', 'Art', 'Titel', 'Tag', 'Stand', 'Empfehlungen'],
        conferences.map((c) => [c.label, label(CONFERENCE_KIND, c.kind), c.title, date(c.date), c.status === 'held' ? `abgehalten am ${date(c.heldOn)}` : 'geplant', String(c.recommendationCount)]),
        { emptyText: 'Noch keine Konferenz angesetzt.', className: 'konferenzen' }),
      h('div', { class: 'aktionen' },
        scheduleConferenceForm(ctx, done),
        planned.length ? holdConferenceForm(ctx, planned, done) : null,
        planned.length ? rescheduleConferenceForm(ctx, planned, done) : null,
      ),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'gremien-titel' },
      h('h2', { id: 'gremien-titel' }, 'Gremien'),
      h('p', { class: 'ergebnis' }, `${count(committees.length, 'Gremium', 'Gremien')}, davon ${active.length} aktiv.`),
      table(null, ['Gremium', 'Kurzname', 'Art', 'Handlungsfelder', 'Stand'],
        committees.map((c) => [c.name, c.shortName, label(COMMITTEE_KIND, c.kind), c.fieldsOfAction.join(', ') || '–',
          c.status === 'active' ? 'aktiv' : `aufgelöst zum ${date(c.dissolvedOn)}${c.successorCommitteeId ? `, Nachfolge: ${committeeName.get(c.successorCommitteeId) ?? '–'}` : ''}`]),
        { emptyText: 'Noch kein Gremium registriert.', className: 'gremien' }),
      h('div', { class: 'aktionen' },
        registerCommitteeForm(ctx, done),
        active.length ? renameCommitteeForm(ctx, active, done) : null,
        active.length ? dissolveCommitteeForm(ctx, active, done) : null,
        active.length ? committeeContactsForm(ctx, active, done) : null,
        active.length ? calendarFeedForm(ctx, active, done) : null,
      ),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'konten-titel' },
      h('h2', { id: 'konten-titel' }, 'Konten und Zugang'),
      h('p', { class: 'ergebnis' }, `${count(accounts.length, 'Konto', 'Konten')}.`),
      table(null, ['Name', 'E-Mail-Adresse', 'Rolle', 'Gremien', 'Stand'],
        accounts.map((a) => [a.displayName, a.email, label(ROLE, a.role), a.committeeIds.map((id) => committeeName.get(id) ?? '–').join(', ') || '–',
          a.disabledAt ? 'gesperrt' : 'aktiv']),
        { emptyText: 'Noch keine Konten.', className: 'konten' }),
      h('div', { class: 'aktionen' },
        createAccountForm(ctx, active, done),
        accounts.some((a) => !a.disabledAt && a.id !== account.id) ? disableAccountForm(ctx, accounts.filter((a) => !a.disabledAt), done) : null,
      ),
      h('p', { class: 'hinweis' }, publicViews.enabled ? 'Die öffentlichen Ansichten sind eingeschaltet' : 'Die öffentlichen Ansichten sind ausgeschaltet',
        ' (ändern unter ', h('a', { href: link('einstellungen') }, 'Einstellungen'), ').'),
    ),
  );
}
