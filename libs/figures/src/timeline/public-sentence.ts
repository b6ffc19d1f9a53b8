import type { RecommendationEvent } from '@app/domain';
import { germanDate, number, quoted, type DescribeContext } from './describe-event';
import { ANCHORING_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels';

const committee = (ctx: Pick<DescribeContext, 'committeeName'>, id: string): string => {
  const name = ctx.committeeName(id);
  return name ? `das Gremium ${quoted(name)}` : 'ein Gremium';
};
const Committee = (ctx: Pick<DescribeContext, 'committeeName'>, id: string): string => {
  const text = committee(ctx, id);
  return text[0].toUpperCase() + text.slice(1);
};

/**
 * The sentence the public page "Was wurde aus …?" shows for an event (data as corrected), or null
 * for events it does not show. Only facts of public bodies: never who recorded it, and none of the
 * free texts people typed (reasons, notes, summaries, mandates, contact persons), which may name
 * people or say what was meant for the committees only.
 */
export function publicSentence(event: RecommendationEvent, ctx: Pick<DescribeContext, 'committeeName' | 'conferenceLabel' | 'indicator'>): string | null {
  switch (event.type) {
    case 'RecommendationAdopted':
      return `Von der ${ctx.conferenceLabel(event.data.conferenceId) ?? 'Bildungskonferenz'} beschlossen.`;
    case 'RecommendationAmended':
      return 'Der Wortlaut der Empfehlung wurde geändert.';
    case 'RecommendationHandedOff':
      return `Der Lenkungskreis hat die Empfehlung an ${committee(ctx, event.data.committeeId)} übergeben; erster Bericht fällig am ${germanDate(event.data.reportDueOn)}.`;
    case 'HandOffAccepted':
      return `${Committee(ctx, event.data.committeeId)} hat den Auftrag angenommen.`;
    case 'HandOffDeclined':
      return `${Committee(ctx, event.data.committeeId)} hat den Auftrag abgelehnt.`;
    case 'HandOffWithdrawn':
      return `Der Auftrag an ${committee(ctx, event.data.committeeId)} wurde zurückgezogen.`;
    case 'ImplementationStatusReported': {
      const progress = event.data.progressPercent !== undefined ? ` (${number(event.data.progressPercent)} %)` : '';
      return `${Committee(ctx, event.data.committeeId)} meldet den Stand ${quoted(STATUS_LABEL[event.data.status])}${progress}.`;
    }
    case 'ReportDueDateRevised':
      return `Der Lenkungskreis hat die Berichtsfrist für ${committee(ctx, event.data.committeeId)} auf den ${germanDate(event.data.newDueOn)} verlängert.`;
    case 'ImplementationVerified':
      return event.data.outcome === 'confirmed'
        ? `Umsetzung durch den Lenkungskreis bestätigt (Meldung von ${committee(ctx, event.data.committeeId)}).`
        : `Die Meldung von ${committee(ctx, event.data.committeeId)} wurde zur Nachbesserung zurückgegeben.`;
    case 'ImpactIndicatorDefined': {
      const { baseline, target, unit } = event.data;
      return `Wirkungsindikator ${quoted(event.data.name)} festgelegt: von ${number(baseline.value)} ${unit} auf ${number(target.value)} ${unit} bis ${germanDate(target.dueOn)}.`;
    }
    case 'ImpactMeasured': {
      const indicator = ctx.indicator(event.data.indicatorId);
      return indicator ? `Messung ${quoted(indicator.name)}: ${number(event.data.value)} ${indicator.unit}.` : `Messung: ${number(event.data.value)}.`;
    }
    case 'SustainabilityReviewed': {
      const anchoring = event.data.anchoring.filter((a) => a !== 'none').map((a) => ANCHORING_LABEL[a]);
      return `Nachhaltigkeitsprüfung: ${OUTCOME_LABEL[event.data.outcome]}${anchoring.length ? `; verankert durch ${anchoring.join(', ')}` : ''}.`;
    }
    case 'OutcomeReportedToConference':
      return `Das Ergebnis wurde der ${ctx.conferenceLabel(event.data.conferenceId) ?? 'Bildungskonferenz'} berichtet.`;
    case 'RecommendationWithdrawn':
      return 'Die Empfehlung wurde zurückgenommen.';
    case 'RecommendationSuperseded':
      return 'Die Empfehlung wurde durch eine neue Empfehlung ersetzt.';
    case 'EntryCorrected':
      // Applied to the entry it corrects; the public sees the corrected facts, not the bookkeeping.
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
