// The commands on one recommendation, one form each. `rec` names the recommendation, the revision
// the page showed (If-Match) and what happens after a write.
import { todayIso } from '../format.js';
import { commandForm } from './command-form.js';
import { parseDate } from './dates.js';
import { anchoringOptions, directionOptions, options, REVIEW_OUTCOME, statusOptions } from './choices.js';

const base = (rec) => `/regions/${rec.regionId}/recommendations/${rec.recommendationId}`;
const common = (rec, name, title, submit, saved) => ({
  name,
  title,
  submit,
  folded: rec.folded ?? true,
  open: rec.open === name,
  revision: rec.revision,
  conflict: { regionId: rec.regionId, recommendationId: rec.recommendationId },
  done: (answer) => rec.done(saved, answer),
});
const committeeField = (committees, label = 'Gremium') => ({
  name: 'committeeId', label, type: 'select', options: committees.map((c) => [c.committeeId, c.name]), value: committees[0]?.committeeId,
});
const clean = (body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

/** Lenkungskreis: hands the recommendation to a committee (active committees of the region). */
export const handOffForm = (rec, committees) => commandForm({
  ...common(rec, 'hand-off', 'An ein Gremium übergeben', 'Übergeben', 'Die Übergabe ist gespeichert.'),
  dateField: 'decidedOn',
  fields: [
    committeeField(committees),
    { name: 'mandate', label: 'Auftrag', type: 'textarea', rows: 3 },
    { name: 'decidedOn', label: 'Beschlossen am', type: 'date', value: todayIso() },
    { name: 'reportDueOn', label: 'Erster Bericht fällig am', type: 'date' },
    { name: 'decisionReference', label: 'Beschluss-Fundstelle', hint: 'freiwillig, z. B. LK 2026/04 TOP 3' },
  ],
  path: () => `${base(rec)}/hand-offs`,
  body: (v) => clean({ committeeId: v.committeeId, mandate: v.mandate ?? '', decidedOn: v.decidedOn, reportDueOn: v.reportDueOn, decisionReference: v.decisionReference }),
});

export const withdrawHandOffForm = (rec, assignments) => commandForm({
  ...common(rec, 'withdraw-hand-off', 'Übergabe zurückziehen', 'Übergabe zurückziehen', 'Die Übergabe ist zurückgezogen.'),
  dateField: 'effectiveOn',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    { name: 'effectiveOn', label: 'Wirksam ab', type: 'date', hint: 'leer: heute' },
  ],
  path: (v) => `${base(rec)}/hand-offs/${encodeURIComponent(v.committeeId ?? '')}/withdrawal`,
  body: (v) => clean({ reason: v.reason ?? '', effectiveOn: v.effectiveOn }),
});

export const acceptForm = (rec, assignments) => commandForm({
  ...common(rec, 'accept', 'Übergabe annehmen', 'Annehmen', 'Die Übergabe ist angenommen.'),
  dateField: 'on',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'on', label: 'Angenommen am', type: 'date', value: todayIso() },
    { name: 'contact', label: 'Ansprechperson', hint: 'freiwillig' },
  ],
  path: (v) => `${base(rec)}/hand-offs/${encodeURIComponent(v.committeeId ?? '')}/acceptance`,
  body: (v) => clean({ on: v.on, contact: v.contact }),
});

export const declineForm = (rec, assignments) => commandForm({
  ...common(rec, 'decline', 'Übergabe ablehnen', 'Ablehnen', 'Die Ablehnung ist gespeichert.'),
  dateField: 'on',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'on', label: 'Abgelehnt am', type: 'date', value: todayIso() },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
  ],
  path: (v) => `${base(rec)}/hand-offs/${encodeURIComponent(v.committeeId ?? '')}/decline`,
  body: (v) => clean({ on: v.on, reason: v.reason ?? '' }),
});

export const statusReportForm = (rec, assignments) => commandForm({
  ...common(rec, 'status-report', 'Sachstand melden', 'Bericht speichern', 'Der Bericht ist gespeichert.'),
  intro: 'Der Umsetzungsstand des Auftrags, mit Belegen.',
  dateField: 'reportedOn',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'status', label: 'Umsetzungsstand', type: 'select', options: statusOptions(), value: 'in_progress' },
    { name: 'progressPercent', label: 'Fortschritt in Prozent', type: 'number', hint: '0 bis 100, freiwillig' },
    { name: 'summary', label: 'Zusammenfassung', type: 'textarea', rows: 3 },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2, hint: 'Pflicht bei „nicht umgesetzt“ und „blockiert“' },
    { name: 'evidence', label: 'Belege', type: 'evidence', hint: 'je Zeile: Titel | https://…', paths: ['evidence'] },
    { name: 'reportedOn', label: 'Stand vom', type: 'date', value: todayIso() },
    { name: 'nextReportDueOn', label: 'Nächster Bericht fällig am', type: 'date', hint: 'freiwillig' },
  ],
  path: () => `${base(rec)}/status-reports`,
  body: (v) => clean({
    committeeId: v.committeeId, status: v.status, progressPercent: v.progressPercent, summary: v.summary ?? '', reason: v.reason,
    evidence: v.evidence, reportedOn: v.reportedOn, nextReportDueOn: v.nextReportDueOn,
  }),
});

export const indicatorForm = (rec, assignments) => commandForm({
  ...common(rec, 'indicator', 'Wirkungsindikator festlegen', 'Indikator festlegen', 'Der Wirkungsindikator ist festgelegt.'),
  dateField: 'baseline.on',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'name', label: 'Bezeichnung' },
    { name: 'unit', label: 'Einheit', hint: 'z. B. Prozent, Personen' },
    { name: 'direction', label: 'Richtung', type: 'select', options: directionOptions(), value: 'increase' },
    { name: 'baselineValue', label: 'Ausgangswert', type: 'number', paths: ['baseline.value', 'baseline'] },
    { name: 'baselineOn', label: 'Ausgangswert vom', type: 'date', paths: ['baseline.on'] },
    { name: 'targetValue', label: 'Zielwert', type: 'number', paths: ['target.value', 'target'] },
    { name: 'targetDueOn', label: 'Ziel zu erreichen bis', type: 'date', paths: ['target.dueOn'] },
    { name: 'source', label: 'Quelle' },
  ],
  codes: { 'indicator.target-before-baseline': 'target.dueOn' },
  path: () => `${base(rec)}/indicators`,
  body: (v) => clean({
    committeeId: v.committeeId, name: v.name ?? '', unit: v.unit ?? '', direction: v.direction,
    baseline: { value: v.baselineValue, on: v.baselineOn }, target: { value: v.targetValue, dueOn: v.targetDueOn }, source: v.source ?? '',
  }),
});

/** Indicators the account may measure: its committees' own (the office: all). */
export const measurementForm = (rec, indicators) => commandForm({
  ...common(rec, 'measurement', 'Messung erfassen', 'Messung speichern', 'Die Messung ist gespeichert.'),
  dateField: 'measuredOn',
  fields: [
    { name: 'indicatorId', label: 'Indikator', type: 'select', options: indicators.map((i) => [i.indicatorId, `${i.name} (${i.unit})`]), value: indicators[0]?.indicatorId },
    { name: 'value', label: 'Messwert', type: 'number' },
    { name: 'measuredOn', label: 'Gemessen am', type: 'date', value: todayIso() },
    { name: 'source', label: 'Quelle' },
    { name: 'note', label: 'Anmerkung', hint: 'freiwillig' },
  ],
  path: (v) => `${base(rec)}/indicators/${encodeURIComponent(v.indicatorId ?? '')}/measurements`,
  body: (v) => clean({ committeeId: indicators.find((i) => i.indicatorId === v.indicatorId)?.committeeId, value: v.value, measuredOn: v.measuredOn, source: v.source ?? '', note: v.note }),
});

export const reviewForm = (rec) => commandForm({
  ...common(rec, 'review', 'Nachhaltigkeit prüfen', 'Prüfung speichern', 'Die Nachhaltigkeitsprüfung ist gespeichert.'),
  dateField: 'reviewedOn',
  fields: [
    { name: 'reviewedOn', label: 'Geprüft am', type: 'date', value: todayIso() },
    { name: 'outcome', label: 'Ergebnis', type: 'select', options: options(REVIEW_OUTCOME), value: 'sustained' },
    { name: 'anchoring', label: 'Verankerung', type: 'checkboxes', options: anchoringOptions() },
    { name: 'note', label: 'Anmerkung', type: 'textarea', rows: 2 },
  ],
  path: () => `${base(rec)}/sustainability-reviews`,
  body: (v) => ({ reviewedOn: v.reviewedOn, outcome: v.outcome, anchoring: v.anchoring, note: v.note ?? '' }),
});

export const withdrawForm = (rec) => commandForm({
  ...common(rec, 'withdraw', 'Empfehlung zurückziehen', 'Zurückziehen', 'Die Empfehlung ist zurückgezogen.'),
  dateField: 'effectiveOn',
  fields: [
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    { name: 'effectiveOn', label: 'Wirksam ab', type: 'date', hint: 'leer: heute' },
  ],
  path: () => `${base(rec)}/withdrawal`,
  body: (v) => clean({ reason: v.reason ?? '', effectiveOn: v.effectiveOn }),
});

export const supersedeForm = (rec, successors) => commandForm({
  ...common(rec, 'supersede', 'Durch eine andere Empfehlung ersetzen', 'Ersetzen', 'Die Empfehlung ist als ersetzt vermerkt.'),
  dateField: 'effectiveOn',
  fields: [
    { name: 'successorId', label: 'Nachfolgende Empfehlung', type: 'select', placeholder: 'bitte wählen', options: successors.map((s) => [s.recommendationId, `${s.reference} ${s.title}`]) },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    { name: 'effectiveOn', label: 'Wirksam ab', type: 'date', hint: 'leer: heute' },
  ],
  path: () => `${base(rec)}/supersession`,
  body: (v) => clean({ successorId: v.successorId ?? '', reason: v.reason ?? '', effectiveOn: v.effectiveOn }),
});

export const amendForm = (rec, current) => commandForm({
  ...common(rec, 'amend', 'Wortlaut ändern', 'Änderung speichern', 'Die Änderung ist gespeichert.'),
  intro: 'Nur was sich vom geltenden Stand unterscheidet, wird als Änderung erfasst.',
  dateField: 'effectiveOn',
  fields: [
    { name: 'title', label: 'Titel', value: current.title },
    { name: 'text', label: 'Wortlaut', type: 'textarea', rows: 5, value: current.text },
    { name: 'fieldsOfAction', label: 'Handlungsfelder', type: 'lines', value: current.fieldsOfAction.join('\n'), hint: 'je Zeile eines' },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    { name: 'effectiveOn', label: 'Wirksam ab', type: 'date', hint: 'leer: heute' },
  ],
  path: () => `${base(rec)}/amendments`,
  body: (v) => clean({
    title: v.title !== current.title ? v.title ?? '' : undefined,
    text: v.text !== current.text ? v.text ?? '' : undefined,
    fieldsOfAction: JSON.stringify(v.fieldsOfAction) !== JSON.stringify(current.fieldsOfAction) ? v.fieldsOfAction : undefined,
    reason: v.reason ?? '',
    effectiveOn: v.effectiveOn,
  }),
});

export const outcomeForm = (rec, conferences) => commandForm({
  ...common(rec, 'outcome', 'Ergebnis an eine Bildungskonferenz berichten', 'Bericht speichern', 'Der Bericht an die Konferenz ist gespeichert.'),
  dateField: 'effectiveOn',
  fields: [
    { name: 'conferenceId', label: 'Bildungskonferenz', type: 'select', options: conferences.map((c) => [c.conferenceId, `${c.label} (${c.status === 'held' ? 'am' : 'geplant für'} ${c.date.split('-').reverse().join('.')})`]), value: conferences.at(-1)?.conferenceId },
    { name: 'summary', label: 'Bericht', type: 'textarea', rows: 3 },
    { name: 'effectiveOn', label: 'Berichtet am', type: 'date', hint: 'leer: heute' },
  ],
  path: () => `${base(rec)}/outcome-reports`,
  body: (v) => clean({ conferenceId: v.conferenceId, summary: v.summary ?? '', effectiveOn: v.effectiveOn }),
});

/** Field names a correction may set, in German (CORRECTABLE_FIELDS of libs/domain, the scalar ones). */
const CORRECTABLE = {
  reference: 'Nummer', title: 'Titel', text: 'Wortlaut', adoptedOn: 'Beschlussdatum', mandate: 'Auftrag', reportDueOn: 'Berichtstermin',
  decidedOn: 'Beschlussdatum der Übergabe', decisionReference: 'Beschluss-Fundstelle', on: 'Datum der Antwort', contact: 'Ansprechperson',
  reason: 'Begründung', effectiveOn: 'Wirksam ab', status: 'Umsetzungsstand (Code, z. B. in_progress)', progressPercent: 'Fortschritt in Prozent',
  summary: 'Zusammenfassung', reportedOn: 'Berichtsdatum', nextReportDueOn: 'Nächster Berichtstermin', name: 'Bezeichnung', unit: 'Einheit',
  source: 'Quelle', value: 'Messwert', measuredOn: 'Messdatum', note: 'Anmerkung', reviewedOn: 'Prüfdatum', outcome: 'Prüfergebnis (Code)',
};
const DATE_FIELDS = new Set(['adoptedOn', 'reportDueOn', 'decidedOn', 'on', 'effectiveOn', 'reportedOn', 'nextReportDueOn', 'measuredOn', 'reviewedOn']);
const NUMBER_FIELDS = new Set(['progressPercent', 'value']);

/** The office corrects one field of an earlier entry; the entry stays, the correction stands beside it. */
export function correctionForm(rec, entries) {
  const form = commandForm({
    ...common(rec, 'correction', 'Eintrag korrigieren', 'Korrektur speichern', 'Die Korrektur ist gespeichert.'),
    intro: 'Der ursprüngliche Eintrag bleibt im Verlauf sichtbar; die Korrektur steht daneben.',
    fields: [
      { name: 'correctsEventId', label: 'Eintrag', type: 'select', options: entries.map((e) => [e.eventId, `${e.businessDate.split('-').reverse().join('.')}: ${e.sentence.slice(0, 90)}`]) },
      { name: 'field', label: 'Angabe', type: 'select', options: Object.entries(CORRECTABLE), paths: ['correctedFields'] },
      { name: 'newValue', label: 'Richtiger Wert', hint: 'Datum als TT.MM.JJJJ, Zahlen mit Komma' },
      { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    ],
    codes: { 'correction.field-not-correctable': 'field', 'correction.invalid-value': 'newValue', 'correction.empty': 'newValue', 'correction.type-mismatch': 'correctsEventId', 'correction.unknown-event': 'correctsEventId' },
    path: () => `${base(rec)}/corrections`,
    body: (v) => {
      const raw = v.newValue ?? '';
      const value = DATE_FIELDS.has(v.field) ? parseDate(raw) ?? raw : NUMBER_FIELDS.has(v.field) ? Number(raw.replace(',', '.')) : raw;
      return {
        correctsEventId: v.correctsEventId,
        correctedEventType: entries.find((e) => e.eventId === v.correctsEventId)?.type,
        correctedFields: { [v.field]: value },
        reason: v.reason ?? '',
      };
    },
  });
  return form;
}

/** Lenkungskreis (or the office for it): moves an active assignment's report due date, with a reason (rule 10). */
export const reviseDueDateForm = (rec, assignments) => commandForm({
  ...common(rec, 'revise-due-date', 'Berichtsfrist verlängern', 'Frist verlängern', 'Die neue Berichtsfrist ist gespeichert.'),
  intro: 'Der bisherige Termin bleibt in der Historie sichtbar.',
  dateField: 'decidedOn',
  fields: [
    committeeField(assignments.map((a) => ({ committeeId: a.committeeId, name: a.committee }))),
    { name: 'newDueOn', label: 'Neue Berichtsfrist', type: 'date' },
    { name: 'reason', label: 'Begründung', type: 'textarea', rows: 2 },
    { name: 'decidedOn', label: 'Beschlossen am', type: 'date', value: todayIso() },
  ],
  codes: {
    'due-date-revision.due-before-decision': 'newDueOn', 'due-date-revision.before-handoff': 'decidedOn',
    'due-date-revision.reason-required': 'reason', 'due-date-revision.assignment-inactive': 'committeeId',
  },
  path: (v) => `${base(rec)}/hand-offs/${encodeURIComponent(v.committeeId ?? '')}/due-date-revisions`,
  body: (v) => clean({ newDueOn: v.newDueOn, reason: v.reason ?? '', decidedOn: v.decidedOn }),
});

export const VERIFICATION_OUTCOME = { confirmed: 'Umsetzung bestätigen', returned: 'Zur Nachbesserung zurückgeben' };

/**
 * Lenkungskreis or office: confirms a committee's claim or returns it with a note, in one step
 * (rule 11, four eyes). `claim` names the committee and the evidence of the report checked.
 */
export const verifyForm = (rec, claim) => commandForm({
  ...common(rec, 'verify', `Meldung von ${claim.committee} prüfen`, 'Prüfung speichern', 'Die Prüfung ist gespeichert.'),
  dateField: 'verifiedOn',
  fields: [
    { name: 'outcome', label: 'Ergebnis der Prüfung', type: 'select', options: options(VERIFICATION_OUTCOME), value: 'confirmed' },
    { name: 'evidenceChecked', label: 'Geprüfte Nachweise', type: 'checkboxes', options: (claim.evidence ?? []).map((e) => [e.title, e.title]), emptyText: 'Der Bericht nennt keine Nachweise.' },
    { name: 'note', label: 'Vermerk', type: 'textarea', rows: 2, hint: 'Pflicht beim Zurückgeben: was fehlt?' },
    { name: 'verifiedOn', label: 'Geprüft am', type: 'date', value: todayIso() },
  ],
  codes: { 'verification.note-required': 'note', 'verification.before-claim': 'verifiedOn', 'verification.evidence-unknown': 'evidenceChecked' },
  path: () => `${base(rec)}/hand-offs/${encodeURIComponent(claim.committeeId)}/verifications`,
  body: (v) => clean({ outcome: v.outcome, verifiedOn: v.verifiedOn, note: v.note, evidenceChecked: v.evidenceChecked ?? [] }),
});
