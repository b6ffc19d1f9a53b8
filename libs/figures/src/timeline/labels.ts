import type { Anchoring, CommitteeKind, ConferenceKind, CORRECTABLE_FIELDS, CorrectableEventType, ImplementationStatus, SustainabilityOutcome } from '@app/domain';

/** Every field a correction may change (the domain's CORRECTABLE_FIELDS). */
type CorrectableField = (typeof CORRECTABLE_FIELDS)[CorrectableEventType][number];

/** German words for the codes the timeline and the views show. */
export const STATUS_LABEL: Record<ImplementationStatus, string> = {
  not_started: 'nicht begonnen',
  planned: 'geplant',
  in_progress: 'in Umsetzung',
  partially_implemented: 'teilweise umgesetzt',
  implemented: 'umgesetzt',
  not_implemented: 'nicht umgesetzt',
  blocked: 'blockiert',
};

export const OUTCOME_LABEL: Record<SustainabilityOutcome, string> = {
  sustained: 'nachhaltig verankert',
  at_risk: 'gefährdet',
  lapsed: 'nicht mehr wirksam',
};

export const ANCHORING_LABEL: Record<Anchoring, string> = {
  budget: 'Haushaltsmittel',
  regular_structure: 'Regelstruktur',
  agreement: 'Vereinbarung',
  staff: 'Personal',
  none: 'keine Verankerung',
};

export const COMMITTEE_KIND_LABEL: Record<CommitteeKind, string> = {
  fachgremium: 'Fachgremium',
  ausschuss: 'Ausschuss',
  verwaltung: 'Verwaltung',
  extern: 'extern',
};

export const CONFERENCE_KIND_LABEL: Record<ConferenceKind, string> = {
  bildungskonferenz: 'Bildungskonferenz',
  tag_der_bildung: 'Tag der Bildung',
};

/** "9. Bildungskonferenz", "3. Tag der Bildung". */
export const conferenceLabel = (number: number, kind: ConferenceKind): string => `${number}. ${CONFERENCE_KIND_LABEL[kind]}`;

/** Field names of corrected entries as people read them; the compiler asks for each correctable field. */
export const FIELD_LABEL: Readonly<Record<string, string>> = {
  reference: 'Kennung',
  title: 'Titel',
  text: 'Text',
  fieldsOfAction: 'Handlungsfelder',
  addressees: 'Adressaten',
  originCommitteeIds: 'einbringende Gremien',
  adoptedOn: 'Beschlussdatum',
  reason: 'Begründung',
  effectiveOn: 'Datum',
  mandate: 'Auftrag',
  reportDueOn: 'Berichtsfrist',
  decidedOn: 'Beschlussdatum',
  decisionReference: 'Beschlussfundstelle',
  on: 'Datum',
  contact: 'Ansprechperson',
  status: 'Umsetzungsstand',
  progressPercent: 'Fortschritt',
  summary: 'Zusammenfassung',
  evidence: 'Nachweise',
  reportedOn: 'Berichtsdatum',
  nextReportDueOn: 'nächste Berichtsfrist',
  name: 'Name',
  unit: 'Einheit',
  direction: 'Richtung',
  baseline: 'Ausgangswert',
  target: 'Zielwert',
  source: 'Quelle',
  value: 'Wert',
  measuredOn: 'Messdatum',
  note: 'Anmerkung',
  reviewedOn: 'Prüfdatum',
  outcome: 'Ergebnis',
  anchoring: 'Verankerung',
  newDueOn: 'neue Berichtsfrist',
  verifiedOn: 'Prüfdatum',
  evidenceChecked: 'geprüfte Nachweise',
} satisfies Record<CorrectableField, string>;
