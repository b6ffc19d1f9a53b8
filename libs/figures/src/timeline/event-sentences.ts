import type { CorrectableEventType, DomainEvent, RecommendationEventType } from '@app/domain';
import { committee, Committee, conference, ofCommittee, valueText, type DescribeContext, type PublicContext } from './context';
import { ANCHORING_LABEL, COMMITTEE_KIND_LABEL, conferenceLabel, FIELD_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels';
import { because, capitalized, germanDate, list, number, quoted, sentence } from './words';

type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

interface Wording<T extends DomainEvent['type']> {
  /** The event type in German, for lists and filters ("Empfehlung ersetzt"). */
  label: string;
  /** The timeline's sentence: what the event records, with reasons and who acted. */
  timeline(event: EventOf<T>, ctx: DescribeContext): string;
}
interface RecommendationWording<T extends DomainEvent['type']> extends Wording<T> {
  /**
   * The public page's sentence (data as corrected), or null when it does not show the event. Only
   * facts of public bodies: never who recorded it, and none of the free texts people typed
   * (reasons, notes, summaries, mandates, contact persons).
   */
  public(event: EventOf<T>, ctx: PublicContext): string | null;
}
interface CorrectableWording<T extends DomainEvent['type']> extends RecommendationWording<T> {
  /** The kind of entry it is, for "Korrektur (…)". */
  entry: string;
}

/**
 * Everything German said about each event type, in one place: the compiler asks a new type for its
 * label and timeline sentence, a recommendation event for its public sentence, a correctable one
 * for its entry name.
 */
export type EventWordings = {
  [T in DomainEvent['type']]: T extends CorrectableEventType ? CorrectableWording<T> : T extends RecommendationEventType ? RecommendationWording<T> : Wording<T>;
};

/** The public page names no unregistered body. */
const publicCommittee = (ctx: PublicContext, id: string): string => {
  const name = ctx.committeeName(id);
  return name ? `das Gremium ${quoted(name)}` : 'ein Gremium';
};
const PublicCommittee = (ctx: PublicContext, id: string): string => capitalized(publicCommittee(ctx, id));

export const EVENT_WORDINGS: EventWordings = {
  RegionRegistered: {
    label: 'Bildungsregion registriert',
    timeline: (e) => `Bildungsregion ${quoted(e.data.name)} registriert (Kooperationsvertrag vom ${germanDate(e.data.contractSignedOn)}).`,
  },
  ConferenceScheduled: {
    label: 'Konferenz angesetzt',
    timeline: (e) => `${conferenceLabel(e.data.number, e.data.kind)} ${quoted(e.data.title)} für den ${germanDate(e.data.date)} angesetzt.`,
  },
  ConferenceHeld: {
    label: 'Konferenz hat getagt',
    timeline: (e, ctx) => `Die ${conference(ctx, e.data.conferenceId)} hat am ${germanDate(e.data.heldOn)} getagt.`,
  },
  ConferenceRescheduled: {
    label: 'Konferenz verlegt',
    timeline: (e, ctx) => `Die ${conference(ctx, e.data.conferenceId)} wurde auf den ${germanDate(e.data.date)} verlegt.${because(e.data.reason)}`,
  },
  CommitteeRegistered: {
    label: 'Gremium registriert',
    timeline: (e) => `Gremium ${quoted(e.data.name)} (${e.data.shortName}, ${COMMITTEE_KIND_LABEL[e.data.kind]}) registriert.`,
  },
  CommitteeRenamed: {
    label: 'Gremium umbenannt',
    timeline: (e, ctx) =>
      ctx.committeeBefore
        ? `Gremium ${quoted(ctx.committeeBefore.name)} umbenannt in ${quoted(e.data.name)} (${e.data.shortName}).`
        : `Gremium umbenannt in ${quoted(e.data.name)} (${e.data.shortName}).`,
  },
  CommitteeDissolved: {
    label: 'Gremium aufgelöst',
    timeline: (e, ctx) => {
      const successor = e.data.successorCommitteeId ? ` Nachfolge: ${committee(ctx, e.data.successorCommitteeId)}.` : '';
      return `${Committee(ctx, e.data.committeeId)} wurde zum ${germanDate(e.data.dissolvedOn)} aufgelöst.${successor}`;
    },
  },
  RecommendationAdopted: {
    label: 'Empfehlung beschlossen',
    entry: 'Beschluss der Empfehlung',
    timeline: (e, ctx) =>
      `Empfehlung ${e.data.reference} ${quoted(e.data.title)} von der ${conference(ctx, e.data.conferenceId)} am ${germanDate(e.data.adoptedOn)} beschlossen.`,
    public: (e, ctx) => `Von der ${ctx.conferenceLabel(e.data.conferenceId) ?? 'Bildungskonferenz'} beschlossen.`,
  },
  RecommendationAmended: {
    label: 'Empfehlung geändert',
    entry: 'Änderung der Empfehlung',
    timeline: (e) => {
      const fields = (['title', 'text', 'fieldsOfAction'] as const).filter((f) => e.data[f] !== undefined).map((f) => FIELD_LABEL[f]);
      return `Empfehlung geändert (${fields.length ? list(fields) : 'ohne Inhaltsänderung'}).${because(e.data.reason)}`;
    },
    public: () => 'Der Wortlaut der Empfehlung wurde geändert.',
  },
  RecommendationHandedOff: {
    label: 'Übergabe beschlossen',
    entry: 'Übergabe',
    timeline: (e, ctx) => {
      const ref = e.data.decisionReference ? ` (${e.data.decisionReference})` : '';
      return `Übergabe an ${committee(ctx, e.data.committeeId)} beschlossen${ref}; erster Bericht fällig am ${germanDate(e.data.reportDueOn)}. Auftrag: ${sentence(e.data.mandate)}`;
    },
    public: (e, ctx) =>
      `Der Lenkungskreis hat die Empfehlung an ${publicCommittee(ctx, e.data.committeeId)} übergeben; erster Bericht fällig am ${germanDate(e.data.reportDueOn)}.`,
  },
  HandOffAccepted: {
    label: 'Übergabe angenommen',
    entry: 'Annahme der Übergabe',
    timeline: (e, ctx) => `${Committee(ctx, e.data.committeeId)} hat die Übergabe angenommen${e.data.contact ? `; Ansprechperson: ${e.data.contact}` : ''}.`,
    public: (e, ctx) => `${PublicCommittee(ctx, e.data.committeeId)} hat den Auftrag angenommen.`,
  },
  HandOffDeclined: {
    label: 'Übergabe abgelehnt',
    entry: 'Ablehnung der Übergabe',
    timeline: (e, ctx) => `${Committee(ctx, e.data.committeeId)} hat die Übergabe abgelehnt.${because(e.data.reason)}`,
    public: (e, ctx) => `${PublicCommittee(ctx, e.data.committeeId)} hat den Auftrag abgelehnt.`,
  },
  HandOffWithdrawn: {
    label: 'Übergabe zurückgezogen',
    entry: 'Rücknahme der Übergabe',
    timeline: (e, ctx) => `Übergabe an ${committee(ctx, e.data.committeeId)} zurückgezogen.${because(e.data.reason)}`,
    public: (e, ctx) => `Der Auftrag an ${publicCommittee(ctx, e.data.committeeId)} wurde zurückgezogen.`,
  },
  ImplementationStatusReported: {
    label: 'Sachstand gemeldet',
    entry: 'Sachstandsbericht',
    timeline: (e, ctx) => {
      const progress = e.data.progressPercent !== undefined ? ` (${number(e.data.progressPercent)} %)` : '';
      const next = e.data.nextReportDueOn ? ` Nächster Bericht fällig am ${germanDate(e.data.nextReportDueOn)}.` : '';
      const reason = e.data.reason ? because(e.data.reason) : '';
      return `${Committee(ctx, e.data.committeeId)} meldet den Umsetzungsstand ${quoted(STATUS_LABEL[e.data.status])}${progress}.${reason}${next}`;
    },
    public: (e, ctx) => {
      const progress = e.data.progressPercent !== undefined ? ` (${number(e.data.progressPercent)} %)` : '';
      return `${PublicCommittee(ctx, e.data.committeeId)} meldet den Stand ${quoted(STATUS_LABEL[e.data.status])}${progress}.`;
    },
  },
  ReportDueDateRevised: {
    label: 'Berichtstermin geändert',
    entry: 'Verlängerung der Berichtsfrist',
    timeline: (e, ctx) =>
      `Berichtsfrist auf den ${germanDate(e.data.newDueOn)} verlängert: ${sentence(e.data.reason)} Zuständig: ${committee(ctx, e.data.committeeId)}; Beschluss des Lenkungskreises vom ${germanDate(e.data.decidedOn)}.`,
    public: (e, ctx) => `Der Lenkungskreis hat die Berichtsfrist für ${publicCommittee(ctx, e.data.committeeId)} auf den ${germanDate(e.data.newDueOn)} verlängert.`,
  },
  ImplementationVerified: {
    label: 'Umsetzung geprüft',
    entry: 'Prüfung der Umsetzung',
    timeline: (e, ctx) => {
      const checked = e.data.evidenceChecked.length ? ` Geprüfte Nachweise: ${list(e.data.evidenceChecked.map(quoted))}.` : '';
      if (e.data.outcome === 'confirmed') return `Umsetzung durch den Lenkungskreis bestätigt (Meldung ${ofCommittee(ctx, e.data.committeeId)}).${checked}`;
      return `Meldung ${ofCommittee(ctx, e.data.committeeId)} zur Nachbesserung zurückgegeben: ${sentence(e.data.note ?? '')}${checked}`;
    },
    public: (e, ctx) =>
      e.data.outcome === 'confirmed'
        ? `Umsetzung durch den Lenkungskreis bestätigt (Meldung von ${publicCommittee(ctx, e.data.committeeId)}).`
        : `Die Meldung von ${publicCommittee(ctx, e.data.committeeId)} wurde zur Nachbesserung zurückgegeben.`,
  },
  ImpactIndicatorDefined: {
    label: 'Wirkungsindikator festgelegt',
    entry: 'Wirkungsindikator',
    timeline: (e) => {
      const { baseline, target, unit, direction } = e.data;
      const goal = direction === 'increase' ? 'steigen' : 'sinken';
      return `Wirkungsindikator ${quoted(e.data.name)} festgelegt: soll von ${number(baseline.value)} ${unit} (${germanDate(baseline.on)}) auf ${number(target.value)} ${unit} bis ${germanDate(target.dueOn)} ${goal}.`;
    },
    public: (e) => {
      const { baseline, target, unit } = e.data;
      return `Wirkungsindikator ${quoted(e.data.name)} festgelegt: von ${number(baseline.value)} ${unit} auf ${number(target.value)} ${unit} bis ${germanDate(target.dueOn)}.`;
    },
  },
  ImpactMeasured: {
    label: 'Wirkung gemessen',
    entry: 'Messung',
    timeline: (e, ctx) => {
      const indicator = ctx.indicator(e.data.indicatorId);
      const name = indicator ? quoted(indicator.name) : 'einen nicht festgelegten Indikator';
      return `Messung für ${name}: ${number(e.data.value)}${indicator ? ` ${indicator.unit}` : ''}${e.data.note ? ` (${e.data.note})` : ''}.`;
    },
    public: (e, ctx) => {
      const indicator = ctx.indicator(e.data.indicatorId);
      return indicator ? `Messung ${quoted(indicator.name)}: ${number(e.data.value)} ${indicator.unit}.` : `Messung: ${number(e.data.value)}.`;
    },
  },
  SustainabilityReviewed: {
    label: 'Nachhaltigkeit geprüft',
    entry: 'Nachhaltigkeitsprüfung',
    timeline: (e) => {
      const anchoring = e.data.anchoring.filter((a) => a !== 'none');
      const anchored = anchoring.length ? `; verankert durch ${list(anchoring.map((a) => ANCHORING_LABEL[a]))}` : '; ohne Verankerung';
      return `Nachhaltigkeitsprüfung: ${OUTCOME_LABEL[e.data.outcome]}${anchored}.`;
    },
    public: (e) => {
      const anchoring = e.data.anchoring.filter((a) => a !== 'none').map((a) => ANCHORING_LABEL[a]);
      return `Nachhaltigkeitsprüfung: ${OUTCOME_LABEL[e.data.outcome]}${anchoring.length ? `; verankert durch ${anchoring.join(', ')}` : ''}.`;
    },
  },
  OutcomeReportedToConference: {
    label: 'Ergebnis an Konferenz berichtet',
    entry: 'Bericht an die Konferenz',
    timeline: (e, ctx) => `Ergebnis an die ${conference(ctx, e.data.conferenceId)} berichtet.`,
    public: (e, ctx) => `Das Ergebnis wurde der ${ctx.conferenceLabel(e.data.conferenceId) ?? 'Bildungskonferenz'} berichtet.`,
  },
  RecommendationWithdrawn: {
    label: 'Empfehlung zurückgenommen',
    entry: 'Rücknahme der Empfehlung',
    timeline: (e) => `Empfehlung zurückgezogen.${because(e.data.reason)}`,
    public: () => 'Die Empfehlung wurde zurückgenommen.',
  },
  RecommendationSuperseded: {
    label: 'Empfehlung ersetzt',
    entry: 'Ersetzung der Empfehlung',
    timeline: (e) => `Empfehlung durch eine neue Empfehlung ersetzt.${because(e.data.reason)}`,
    public: () => 'Die Empfehlung wurde durch eine neue Empfehlung ersetzt.',
  },
  EntryCorrected: {
    label: 'Eintrag korrigiert',
    timeline: (e, ctx) => {
      const entry = (EVENT_WORDINGS[e.data.correctedEventType] as { entry?: string } | undefined)?.entry ?? 'Eintrag';
      const changes = Object.entries(e.data.correctedFields as Record<string, unknown>).map(([field, value]) => {
        const label = FIELD_LABEL[field] ?? field;
        const before = ctx.corrected?.data[field];
        return ctx.corrected ? `${label} von ${valueText(field, before, ctx)} auf ${valueText(field, value, ctx)}` : `${label} auf ${valueText(field, value, ctx)}`;
      });
      return `Korrektur (${entry}): ${changes.length ? list(changes) : 'ohne geänderte Angaben'}.${because(e.data.reason)}`;
    },
    // Applied to the entry it corrects; the public sees the corrected facts, not the bookkeeping.
    public: () => null,
  },
};

/** Each event type's German name (the audit pages' lists and filters take it from the API). */
export const EVENT_TYPE_LABEL = Object.fromEntries(Object.entries(EVENT_WORDINGS).map(([type, w]) => [type, w.label])) as Record<DomainEvent['type'], string>;
