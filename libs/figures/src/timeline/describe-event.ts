import type { Actor, CalendarDate, CorrectableEventType, DomainEvent } from '@app/domain';
import {
  ANCHORING_LABEL,
  COMMITTEE_KIND_LABEL,
  conferenceLabel,
  ENTRY_LABEL,
  FIELD_LABEL,
  OUTCOME_LABEL,
  STATUS_LABEL,
} from './labels';

/** What a sentence needs besides the event: names as they stood when the event was projected. */
export interface DescribeContext {
  committeeName(committeeId: string): string | undefined;
  /** "9. Bildungskonferenz" */
  conferenceLabel(conferenceId: string): string | undefined;
  indicator(indicatorId: string): { name: string; unit: string } | undefined;
  /** For `EntryCorrected`: the corrected event as first recorded. */
  corrected?: { type: CorrectableEventType; data: Record<string, unknown> };
  /** For a committee's own events: its names before this event (renames say from what). */
  committeeBefore?: { name: string };
}

/** 'YYYY-MM-DD' → '14.09.2019'. */
export function germanDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

const germanNumber = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 });
/** 1234.5 → '1.234,5' (the timeline's and the public page's numbers). */
export const number = (value: number): string => germanNumber.format(value);
/** German quotation marks: „…“. */
export const quoted = (text: string): string => `„${text}“`;
/** A sentence ends in exactly one full stop, whatever the user typed. */
const sentence = (text: string): string => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const because = (reason: string): string => ` Grund: ${sentence(reason)}`;
const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;

function committee(ctx: DescribeContext, id: string): string {
  const name = ctx.committeeName(id);
  return name ? `das Gremium ${quoted(name)}` : 'ein nicht registriertes Gremium';
}
function Committee(ctx: DescribeContext, id: string): string {
  const text = committee(ctx, id);
  return text[0].toUpperCase() + text.slice(1);
}
/** Genitive: "des Gremiums „…“". */
function ofCommittee(ctx: DescribeContext, id: string): string {
  const name = ctx.committeeName(id);
  return name ? `des Gremiums ${quoted(name)}` : 'eines nicht registrierten Gremiums';
}
function conference(ctx: DescribeContext, id: string): string {
  return ctx.conferenceLabel(id) ?? 'eine nicht registrierte Konferenz';
}

function valueText(field: string, value: unknown, ctx: DescribeContext): string {
  if (value === undefined || value === null || value === '') return '(leer)';
  if (field === 'status' && typeof value === 'string') return quoted(STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value);
  if (field === 'outcome' && typeof value === 'string') return quoted(OUTCOME_LABEL[value as keyof typeof OUTCOME_LABEL] ?? value);
  if (field === 'anchoring' && Array.isArray(value)) return list(value.map((a) => ANCHORING_LABEL[a as keyof typeof ANCHORING_LABEL] ?? String(a)));
  if (field === 'progressPercent' && typeof value === 'number') return `${number(value)} %`;
  if (field === 'originCommitteeIds' && Array.isArray(value)) return list(value.map((id) => quoted(ctx.committeeName(String(id)) ?? String(id))));
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? germanDate(value) : quoted(value);
  if (typeof value === 'number') return number(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return list(value.map((v) => quoted(v)));
  if (typeof value === 'object' && 'value' in (value as object)) {
    const v = value as { value: number; on?: string; dueOn?: string };
    const when = v.on ?? v.dueOn;
    return `${number(v.value)}${when ? ` (${germanDate(when)})` : ''}`;
  }
  return 'geändert';
}

function correction(event: Extract<DomainEvent, { type: 'EntryCorrected' }>, ctx: DescribeContext): string {
  const entry = ENTRY_LABEL[event.data.correctedEventType] ?? 'Eintrag';
  const changes = Object.entries(event.data.correctedFields as Record<string, unknown>).map(([field, value]) => {
    const label = FIELD_LABEL[field] ?? field;
    const before = ctx.corrected?.data[field];
    return ctx.corrected ? `${label} von ${valueText(field, before, ctx)} auf ${valueText(field, value, ctx)}` : `${label} auf ${valueText(field, value, ctx)}`;
  });
  return `Korrektur (${entry}): ${changes.length ? list(changes) : 'ohne geänderte Angaben'}.${because(event.data.reason)}`;
}

/** One German sentence (or two) saying what an event records, for the timeline of the recommendation page. */
export function describeEvent(event: DomainEvent, ctx: DescribeContext): string {
  switch (event.type) {
    case 'RegionRegistered':
      return `Bildungsregion ${quoted(event.data.name)} registriert (Kooperationsvertrag vom ${germanDate(event.data.contractSignedOn)}).`;
    case 'ConferenceScheduled':
      return `${conferenceLabel(event.data.number, event.data.kind)} ${quoted(event.data.title)} für den ${germanDate(event.data.date)} angesetzt.`;
    case 'ConferenceHeld':
      return `Die ${conference(ctx, event.data.conferenceId)} hat am ${germanDate(event.data.heldOn)} getagt.`;
    case 'ConferenceRescheduled':
      return `Die ${conference(ctx, event.data.conferenceId)} wurde auf den ${germanDate(event.data.date)} verlegt.${because(event.data.reason)}`;
    case 'CommitteeRegistered':
      return `Gremium ${quoted(event.data.name)} (${event.data.shortName}, ${COMMITTEE_KIND_LABEL[event.data.kind]}) registriert.`;
    case 'CommitteeRenamed':
      return ctx.committeeBefore
        ? `Gremium ${quoted(ctx.committeeBefore.name)} umbenannt in ${quoted(event.data.name)} (${event.data.shortName}).`
        : `Gremium umbenannt in ${quoted(event.data.name)} (${event.data.shortName}).`;
    case 'CommitteeDissolved': {
      const successor = event.data.successorCommitteeId ? ` Nachfolge: ${committee(ctx, event.data.successorCommitteeId)}.` : '';
      return `${Committee(ctx, event.data.committeeId)} wurde zum ${germanDate(event.data.dissolvedOn)} aufgelöst.${successor}`;
    }
    case 'RecommendationAdopted':
      return `Empfehlung ${event.data.reference} ${quoted(event.data.title)} von der ${conference(ctx, event.data.conferenceId)} am ${germanDate(event.data.adoptedOn)} beschlossen.`;
    case 'RecommendationAmended': {
      const fields = (['title', 'text', 'fieldsOfAction'] as const).filter((f) => event.data[f] !== undefined).map((f) => FIELD_LABEL[f]);
      return `Empfehlung geändert (${fields.length ? list(fields) : 'ohne Inhaltsänderung'}).${because(event.data.reason)}`;
    }
    case 'RecommendationHandedOff': {
      const ref = event.data.decisionReference ? ` (${event.data.decisionReference})` : '';
      return `Übergabe an ${committee(ctx, event.data.committeeId)} beschlossen${ref}; erster Bericht fällig am ${germanDate(event.data.reportDueOn)}. Auftrag: ${sentence(event.data.mandate)}`;
    }
    case 'HandOffAccepted':
      return `${Committee(ctx, event.data.committeeId)} hat die Übergabe angenommen${event.data.contact ? `; Ansprechperson: ${event.data.contact}` : ''}.`;
    case 'HandOffDeclined':
      return `${Committee(ctx, event.data.committeeId)} hat die Übergabe abgelehnt.${because(event.data.reason)}`;
    case 'HandOffWithdrawn':
      return `Übergabe an ${committee(ctx, event.data.committeeId)} zurückgezogen.${because(event.data.reason)}`;
    case 'ImplementationStatusReported': {
      const progress = event.data.progressPercent !== undefined ? ` (${number(event.data.progressPercent)} %)` : '';
      const next = event.data.nextReportDueOn ? ` Nächster Bericht fällig am ${germanDate(event.data.nextReportDueOn)}.` : '';
      const reason = event.data.reason ? because(event.data.reason) : '';
      return `${Committee(ctx, event.data.committeeId)} meldet den Umsetzungsstand ${quoted(STATUS_LABEL[event.data.status])}${progress}.${reason}${next}`;
    }
    case 'ReportDueDateRevised':
      return `Berichtsfrist auf den ${germanDate(event.data.newDueOn)} verlängert: ${sentence(event.data.reason)} Zuständig: ${committee(ctx, event.data.committeeId)}; Beschluss des Lenkungskreises vom ${germanDate(event.data.decidedOn)}.`;
    case 'ImplementationVerified': {
      const checked = event.data.evidenceChecked.length ? ` Geprüfte Nachweise: ${list(event.data.evidenceChecked.map(quoted))}.` : '';
      if (event.data.outcome === 'confirmed') return `Umsetzung durch den Lenkungskreis bestätigt (Meldung ${ofCommittee(ctx, event.data.committeeId)}).${checked}`;
      return `Meldung ${ofCommittee(ctx, event.data.committeeId)} zur Nachbesserung zurückgegeben: ${sentence(event.data.note ?? '')}${checked}`;
    }
    case 'ImpactIndicatorDefined': {
      const { baseline, target, unit, direction } = event.data;
      const goal = direction === 'increase' ? 'steigen' : 'sinken';
      return `Wirkungsindikator ${quoted(event.data.name)} festgelegt: soll von ${number(baseline.value)} ${unit} (${germanDate(baseline.on)}) auf ${number(target.value)} ${unit} bis ${germanDate(target.dueOn)} ${goal}.`;
    }
    case 'ImpactMeasured': {
      const indicator = ctx.indicator(event.data.indicatorId);
      const name = indicator ? quoted(indicator.name) : 'einen nicht festgelegten Indikator';
      return `Messung für ${name}: ${number(event.data.value)}${indicator ? ` ${indicator.unit}` : ''}${event.data.note ? ` (${event.data.note})` : ''}.`;
    }
    case 'SustainabilityReviewed': {
      const anchoring = event.data.anchoring.filter((a) => a !== 'none');
      const anchored = anchoring.length ? `; verankert durch ${list(anchoring.map((a) => ANCHORING_LABEL[a]))}` : '; ohne Verankerung';
      return `Nachhaltigkeitsprüfung: ${OUTCOME_LABEL[event.data.outcome]}${anchored}.`;
    }
    case 'OutcomeReportedToConference':
      return `Ergebnis an die ${conference(ctx, event.data.conferenceId)} berichtet.`;
    case 'RecommendationWithdrawn':
      return `Empfehlung zurückgezogen.${because(event.data.reason)}`;
    case 'RecommendationSuperseded':
      return `Empfehlung durch eine neue Empfehlung ersetzt.${because(event.data.reason)}`;
    case 'EntryCorrected':
      return correction(event, ctx);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** " (erfasst vom Bildungsbüro im Namen des Gremiums „…“)" when the office acted for a committee. */
export function onBehalfSuffix(actor: Pick<Actor, 'onBehalfOf'> | undefined, ctx: DescribeContext): string {
  if (!actor?.onBehalfOf) return '';
  const name = ctx.committeeName(actor.onBehalfOf);
  return ` Erfasst vom Bildungsbüro im Namen ${name ? `des Gremiums ${quoted(name)}` : 'eines Gremiums'}.`;
}
