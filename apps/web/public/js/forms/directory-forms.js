// The office's commands on conferences and committees. Forms on an existing conference or
// committee read its revision when it is picked and send it as If-Match.
import { api } from '../api.js';
import { date } from '../format.js';
import { commandForm } from './command-form.js';
import { COMMITTEE_KIND, CONFERENCE_KIND, options } from './choices.js';

const clean = (body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

/** The revision of the aggregate chosen in `select`, read whenever the choice changes. */
function pickedRevision(section, name, pathOf) {
  const select = section.querySelector(`select[name="${name}"]`);
  const state = { revision: undefined, loading: Promise.resolve() };
  const load = async () => {
    state.revision = undefined;
    if (!select?.value) return;
    const chosen = select.value;
    const answer = await api.get(pathOf(chosen)).catch(() => null);
    if (select.value === chosen) state.revision = answer?.revision;
  };
  select?.addEventListener('change', () => { state.loading = load(); });
  state.loading = load();
  return state;
}

function withRevision(spec, name, pathOf) {
  let picked;
  // A submit right after picking waits for that pick's revision.
  const section = commandForm({ ...spec, revision: async () => (picked ? (await picked.loading, picked.revision) : undefined) });
  picked = pickedRevision(section, name, pathOf);
  section.dataset.revisionFor = name;
  return section;
}

export const scheduleConferenceForm = (ctx, done) => commandForm({
  name: 'schedule-conference', title: 'Konferenz ansetzen', submit: 'Konferenz ansetzen', folded: true,
  dateField: 'date',
  fields: [
    { name: 'number', label: 'Nummer', type: 'number', hint: 'z. B. 11 für die 11. Bildungskonferenz' },
    { name: 'kind', label: 'Art', type: 'select', options: options(CONFERENCE_KIND), value: 'bildungskonferenz' },
    { name: 'title', label: 'Titel' },
    { name: 'motto', label: 'Motto', hint: 'freiwillig' },
    { name: 'date', label: 'Tag der Konferenz', type: 'date' },
    { name: 'topics', label: 'Themen', type: 'lines', hint: 'je Zeile eines' },
  ],
  path: () => `/regions/${ctx.region.regionId}/conferences`,
  body: (v) => clean({ number: v.number, kind: v.kind, title: v.title ?? '', motto: v.motto, date: v.date, topics: v.topics }),
  done: () => done('Die Konferenz ist angesetzt.'),
});

const conferenceOptions = (conferences) => conferences.map((c) => [c.conferenceId, `${c.label} (${date(c.date)})`]);
const conferencePath = (ctx) => (id) => `/regions/${ctx.region.regionId}/conferences/${id}`;

export const holdConferenceForm = (ctx, planned, done) => withRevision({
  name: 'hold-conference', title: 'Konferenz als abgehalten vermerken', submit: 'Als abgehalten vermerken', folded: true,
  dateField: 'heldOn',
  fields: [
    { name: 'conferenceId', label: 'Konferenz', type: 'select', options: conferenceOptions(planned) },
    { name: 'heldOn', label: 'Abgehalten am', type: 'date' },
  ],
  path: (v) => `${conferencePath(ctx)(v.conferenceId ?? '')}/held`,
  body: (v) => clean({ heldOn: v.heldOn }),
  done: () => done('Die Konferenz ist als abgehalten vermerkt.'),
}, 'conferenceId', conferencePath(ctx));

export const rescheduleConferenceForm = (ctx, planned, done) => withRevision({
  name: 'reschedule-conference', title: 'Konferenz verlegen', submit: 'Verlegen', folded: true,
  dateField: 'date',
  fields: [
    { name: 'conferenceId', label: 'Konferenz', type: 'select', options: conferenceOptions(planned) },
    { name: 'date', label: 'Neuer Tag', type: 'date' },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
  ],
  path: (v) => `${conferencePath(ctx)(v.conferenceId ?? '')}/rescheduling`,
  body: (v) => clean({ date: v.date, reason: v.reason ?? '' }),
  done: () => done('Die Konferenz ist verlegt.'),
}, 'conferenceId', conferencePath(ctx));

export const registerCommitteeForm = (ctx, done) => commandForm({
  name: 'register-committee', title: 'Gremium registrieren', submit: 'Gremium registrieren', folded: true,
  fields: [
    { name: 'name', label: 'Name' },
    { name: 'shortName', label: 'Kurzname', hint: 'z. B. FG ÜSB' },
    { name: 'kind', label: 'Art', type: 'select', options: options(COMMITTEE_KIND), value: 'fachgremium' },
    { name: 'fieldsOfAction', label: 'Handlungsfelder', type: 'lines', hint: 'je Zeile eines' },
  ],
  path: () => `/regions/${ctx.region.regionId}/committees`,
  body: (v) => clean({ name: v.name ?? '', shortName: v.shortName ?? '', kind: v.kind, fieldsOfAction: v.fieldsOfAction }),
  done: () => done('Das Gremium ist registriert.'),
});

const committeeOptions = (committees) => committees.map((c) => [c.committeeId, c.name]);
const committeePath = (ctx) => (id) => `/regions/${ctx.region.regionId}/committees/${id}`;

export const renameCommitteeForm = (ctx, active, done) => withRevision({
  name: 'rename-committee', title: 'Gremium umbenennen', submit: 'Umbenennen', folded: true,
  dateField: 'effectiveOn',
  fields: [
    { name: 'committeeId', label: 'Gremium', type: 'select', options: committeeOptions(active) },
    { name: 'name', label: 'Neuer Name' },
    { name: 'shortName', label: 'Neuer Kurzname' },
    { name: 'effectiveOn', label: 'Wirksam ab', type: 'date', hint: 'leer: heute' },
  ],
  path: (v) => `${committeePath(ctx)(v.committeeId ?? '')}/renaming`,
  body: (v) => clean({ name: v.name ?? '', shortName: v.shortName ?? '', effectiveOn: v.effectiveOn }),
  done: () => done('Das Gremium ist umbenannt.'),
}, 'committeeId', committeePath(ctx));

export const dissolveCommitteeForm = (ctx, active, done) => withRevision({
  name: 'dissolve-committee', title: 'Gremium auflösen', submit: 'Auflösen', folded: true,
  dateField: 'dissolvedOn',
  fields: [
    { name: 'committeeId', label: 'Gremium', type: 'select', options: committeeOptions(active) },
    { name: 'dissolvedOn', label: 'Aufgelöst zum', type: 'date' },
    { name: 'successorCommitteeId', label: 'Nachfolgegremium', type: 'select', placeholder: 'keines', options: committeeOptions(active) },
  ],
  codes: { 'committee.successor-unknown': 'successorCommitteeId' },
  path: (v) => `${committeePath(ctx)(v.committeeId ?? '')}/dissolution`,
  body: (v) => clean({ dissolvedOn: v.dissolvedOn, successorCommitteeId: v.successorCommitteeId }),
  done: () => done('Das Gremium ist aufgelöst.'),
}, 'committeeId', committeePath(ctx));

/** "Name <adresse@beispiel.de>" or just the address, one a line. */
const contactOf = (line) => {
  const m = /^(.*?)\s*<([^<>\s]+)>\s*$/.exec(line);
  return m ? { name: m[1] || m[2], email: m[2] } : { name: line, email: line };
};

export const committeeContactsForm = (ctx, active, done) => commandForm({
  name: 'committee-contacts', title: 'Kontaktadressen für Erinnerungen', submit: 'Kontakte speichern', folded: true, method: 'put',
  intro: 'An diese Adressen gehen die Erinnerungen des Gremiums (14 Tage vor einer Frist, danach wöchentlich). Die neue Liste ersetzt die bisherige; leer: keine Erinnerungen.',
  fields: [
    { name: 'committeeId', label: 'Gremium', type: 'select', options: committeeOptions(active) },
    { name: 'contacts', label: 'Kontakte', type: 'lines', hint: 'je Zeile: Name <adresse@beispiel.de>' },
  ],
  path: (v) => `${committeePath(ctx)(v.committeeId ?? '')}/contacts`,
  body: (v) => ({ contacts: (v.contacts ?? []).map(contactOf) }),
  done: () => done('Die Kontaktadressen sind gespeichert.'),
});

export const calendarFeedForm = (ctx, active, done) => commandForm({
  name: 'calendar-feed', title: 'Kalender-Adresse eines Gremiums', submit: 'Kalender-Adresse erzeugen', folded: true,
  intro: 'Eine geheime Adresse mit den Fristen des Gremiums (Antworten, Berichte, Nachhaltigkeitsprüfungen) zum Abonnieren in Outlook oder Thunderbird. Eine neue Adresse macht die bisherige ungültig.',
  fields: [{ name: 'committeeId', label: 'Gremium', type: 'select', options: committeeOptions(active) }],
  path: (v) => `${committeePath(ctx)(v.committeeId ?? '')}/calendar-feed`,
  body: () => ({}),
  done: (answer) => done(`Neue Kalender-Adresse (die bisherige gilt nicht mehr): ${answer.url}`),
});
