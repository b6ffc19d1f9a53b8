import { historyAt, type HistoryEvent } from '@app/figures/history/history-at';
import { readRecommendation, withDueDates, type RecommendationFacts } from '@app/figures/lifecycle/facts';
import { lifecycleOf } from '@app/figures/lifecycle/lifecycle';
import type {
  AssignmentRow,
  IndicatorRow,
  MeasurementRow,
  RecommendationFactsRow,
  RecommendationRow,
  SustainabilityReviewRow,
} from '../tables/entities';

/**
 * The read models store the whole known history; "today" enters only at query time. Business dates
 * never lie in the future (domain rule 7), so facts at this date are the facts of today, except for
 * the overdue flags, which `factsAsOf` re-evaluates.
 */
export const ALL_KNOWN = '9999-12-31';

export interface RecommendationRows {
  recommendation: RecommendationRow;
  facts: RecommendationFactsRow;
  assignments: AssignmentRow[];
  indicators: IndicatorRow[];
  measurements: MeasurementRow[];
  reviews: SustainabilityReviewRow[];
}

/** The tables a recommendation's rows go to, in the order they are written. */
export const RECOMMENDATION_TABLES = ['recommendations', 'recommendation_facts', 'assignments', 'indicators', 'measurements', 'sustainability_reviews'] as const;
export type RecommendationTable = (typeof RECOMMENDATION_TABLES)[number];

/** The rows of many recommendations, table by table. */
export function rowsByTable(rows: readonly RecommendationRows[]): Record<RecommendationTable, object[]> {
  return {
    recommendations: rows.map((r) => r.recommendation),
    recommendation_facts: rows.map((r) => r.facts),
    assignments: rows.flatMap((r) => r.assignments),
    indicators: rows.flatMap((r) => r.indicators),
    measurements: rows.flatMap((r) => r.measurements),
    sustainability_reviews: rows.flatMap((r) => r.reviews),
  };
}

/**
 * Stored facts as of a business day: what the figures expect (`overdue` and `asOf` depend on it).
 * Due dates are derived again too, so facts stored before a rule changed still read right.
 */
export function factsAsOf(stored: RecommendationFacts, asOf: string): RecommendationFacts {
  return { ...stored, asOf, handOffs: withDueDates(stored, stored.handOffs, asOf) };
}

/**
 * All rows of one recommendation from its stream (stream order, up to `last`): recomputed from the
 * whole history with the pure functions, so applying the same history twice gives the same rows.
 * Undefined when the stream holds no adoption.
 */
export function recommendationRows(events: readonly HistoryEvent[], last: { revision: bigint; position: bigint }): RecommendationRows | undefined {
  const reading = readRecommendation(historyAt(events, { asOf: ALL_KNOWN }), ALL_KNOWN);
  if (!reading) return undefined;
  // Text and addressees are not part of the facts; the domain state has them as amended and corrected.
  const { facts, state: { text, addressees } } = reading;
  const id = facts.recommendationId;
  const region = facts.regionId;
  const count = (state: string) => facts.handOffs.filter((a) => a.state === state).length;

  const assignments: AssignmentRow[] = facts.handOffs.map((a, seq) => {
    const status = a.lastReport?.status;
    const active = a.state === 'pending' || a.state === 'accepted';
    return {
      recommendation_id: id,
      seq,
      region_id: region,
      committee_id: a.committeeId,
      state: a.state,
      decided_on: a.decidedOn,
      report_due_on: a.reportDueOn,
      answered_on: a.answeredOn ?? null,
      withdrawn_on: a.withdrawnOn ?? null,
      withdrawn_while_pending: a.withdrawnWhilePending,
      current_due_on: a.currentDueOn ?? null,
      can_be_overdue: active && status !== 'implemented' && status !== 'not_implemented' && a.currentDueOn !== undefined,
      last_status: status ?? null,
      last_reported_on: a.lastReport?.reportedOn ?? null,
      reports: a.reports.length,
    };
  });
  const dueDates = assignments.filter((a) => a.can_be_overdue).map((a) => a.current_due_on!).sort();

  const indicators: IndicatorRow[] = facts.indicators.map((i) => ({
    recommendation_id: id,
    indicator_id: i.indicatorId,
    region_id: region,
    committee_id: i.committeeId,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    baseline_value: i.baseline.value,
    baseline_on: i.baseline.on,
    target_value: i.target.value,
    target_due_on: i.target.dueOn,
    latest_value: i.measurements.at(-1)?.value ?? null,
    latest_measured_on: i.measurements.at(-1)?.measuredOn ?? null,
    measurements: i.measurements.length,
  }));
  const measurements: MeasurementRow[] = facts.indicators.flatMap((i) =>
    i.measurements.map((m, seq) => ({ recommendation_id: id, indicator_id: i.indicatorId, seq, region_id: region, value: m.value, measured_on: m.measuredOn })),
  );
  const reviews: SustainabilityReviewRow[] = facts.reviews.map((r, seq) => ({
    recommendation_id: id,
    seq,
    region_id: region,
    reviewed_on: r.reviewedOn,
    outcome: r.outcome,
    anchoring: r.anchoring,
  }));
  const latestReview = facts.reviews.at(-1);
  const year = Number(facts.adoptedOn.slice(0, 4));

  return {
    recommendation: {
      recommendation_id: id,
      region_id: region,
      conference_id: facts.conferenceId,
      reference: facts.reference,
      title: facts.title,
      text,
      fields_of_action: facts.fieldsOfAction,
      addressees,
      adopted_on: facts.adoptedOn,
      adopted_year: year,
      lifecycle_state: lifecycleOf(facts, ALL_KNOWN).state,
      implemented_on: facts.implementedOn ?? null,
      partially_implemented_on: facts.partiallyImplementedOn ?? null,
      not_implemented_on: facts.notImplementedOn ?? null,
      withdrawn_on: facts.withdrawnOn ?? null,
      superseded_on: facts.supersededOn ?? null,
      successor_id: facts.successorId ?? null,
      last_event_on: facts.lastEventOn,
      hand_offs: facts.handOffs.length,
      assignments_pending: count('pending'),
      assignments_accepted: count('accepted'),
      assignments_declined: count('declined'),
      assignments_withdrawn: count('withdrawn'),
      next_due_on: dueDates[0] ?? null,
      indicators: indicators.length,
      latest_review_outcome: latestReview?.outcome ?? null,
      latest_reviewed_on: latestReview?.reviewedOn ?? null,
      outcome_reported: facts.outcomeReports.length > 0,
      revision: last.revision.toString(),
      position: last.position.toString(),
    },
    facts: { recommendation_id: id, region_id: region, conference_id: facts.conferenceId, adopted_year: year, facts },
    assignments,
    indicators,
    measurements,
    reviews,
  };
}
