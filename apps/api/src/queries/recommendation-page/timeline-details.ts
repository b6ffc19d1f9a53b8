import type { HistoricEvent } from '@app/figures';

/** Something a person wrote into an event, shown under its sentence: a labelled text, or evidence with its link. */
export type TimelineDetail = { label: string; text: string } | { label: string; text: string; url: string };

const text = (label: string, value: unknown): TimelineDetail[] => (typeof value === 'string' && value.trim() ? [{ label, text: value }] : []);

/**
 * The free texts of an event (as corrected) that its one-line sentence leaves out: a report's
 * summary and evidence, a review's note, an outcome report's summary, a measurement's source.
 * Reasons and mandates already stand in the sentence.
 */
export function timelineDetails(event: HistoricEvent): TimelineDetail[] {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'ImplementationStatusReported':
      return [
        ...text('Zusammenfassung', d.summary),
        ...((d.evidence as { title: string; url: string }[] | undefined) ?? []).map((e) => ({ label: 'Beleg', text: e.title, url: e.url })),
      ];
    case 'SustainabilityReviewed':
      return text('Anmerkung', d.note);
    case 'ImplementationVerified':
      return text('Vermerk', d.note);
    case 'OutcomeReportedToConference':
      return text('Bericht', d.summary);
    case 'ImpactIndicatorDefined':
    case 'ImpactMeasured':
      return text('Quelle', d.source);
    case 'RecommendationAmended':
      return text('Neuer Wortlaut', d.text);
    default:
      return [];
  }
}
