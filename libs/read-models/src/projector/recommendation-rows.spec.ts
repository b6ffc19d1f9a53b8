import type { RecommendationEvent } from '@app/domain';
import type { HistoryEvent } from '@app/figures/history/history-at';
import { factsAsOf, recommendationRows } from './recommendation-rows';

/** The worked example of metrics.md, one stream at a time. */
const ids = (n: number) => ({ recommendationId: `r${n}`, regionId: 'duesseldorf' });
let counter = 0;
function stream(n: number, ...events: RecommendationEvent[]): HistoryEvent[] {
  return events.map((e) => ({ ...e, eventId: `e${++counter}`, streamId: `recommendation-r${n}`, recordedAt: new Date('2021-07-01T10:00:00Z') }) as HistoryEvent);
}
const adopted = (n: number): RecommendationEvent => ({
  type: 'RecommendationAdopted',
  data: { ...ids(n), conferenceId: 'bk8', reference: `8. BK / ${n}`, title: `R${n}`, text: 'Text', fieldsOfAction: ['Inklusion'], addressees: { committeeIds: ['c1'], decisionMakers: [] }, originCommitteeIds: [], adoptedOn: '2018-11-20' },
});
const handedOff = (n: number, committeeId: string, decidedOn: string, reportDueOn = '2019-06-30'): RecommendationEvent => ({
  type: 'RecommendationHandedOff',
  data: { ...ids(n), committeeId, mandate: 'm', reportDueOn, decidedOn },
});
const answered = (n: number, committeeId: string, on: string, accept = true): RecommendationEvent =>
  accept ? { type: 'HandOffAccepted', data: { ...ids(n), committeeId, on } } : { type: 'HandOffDeclined', data: { ...ids(n), committeeId, on, reason: 'nein' } };
const report = (n: number, committeeId: string, status: 'in_progress' | 'implemented' | 'partially_implemented', reportedOn: string, nextReportDueOn?: string): RecommendationEvent => ({
  type: 'ImplementationStatusReported',
  data: { ...ids(n), committeeId, status, summary: 's', evidence: [], reportedOn, ...(nextReportDueOn ? { nextReportDueOn } : {}) },
});
const last = { revision: 9n, position: 99n };

describe('recommendationRows (metrics.md worked example)', () => {
  it('R1: implemented, measured, reviewed sustained', () => {
    const rows = recommendationRows(
      stream(
        1,
        adopted(1),
        handedOff(1, 'c1', '2019-01-15'),
        answered(1, 'c1', '2019-02-01'),
        report(1, 'c1', 'in_progress', '2019-06-01'),
        report(1, 'c1', 'implemented', '2019-10-15'),
        { type: 'ImpactIndicatorDefined', data: { ...ids(1), committeeId: 'c1', indicatorId: 'i1', name: 'Quote', unit: '%', direction: 'increase', baseline: { value: 10, on: '2018-01-01' }, target: { value: 30, dueOn: '2022-01-01' }, source: 'x', effectiveOn: '2019-10-15' } },
        { type: 'ImpactMeasured', data: { ...ids(1), committeeId: 'c1', indicatorId: 'i1', value: 25, measuredOn: '2020-03-01', source: 'x' } },
        { type: 'SustainabilityReviewed', data: { ...ids(1), reviewedOn: '2020-11-01', outcome: 'sustained', anchoring: ['budget'], note: '' } },
        { type: 'OutcomeReportedToConference', data: { ...ids(1), conferenceId: 'bk9', summary: 's', effectiveOn: '2021-05-01' } },
      ),
      last,
    )!;
    expect(rows.recommendation).toMatchObject({ lifecycle_state: 'sustained', implemented_on: '2019-10-15', hand_offs: 1, assignments_accepted: 1, next_due_on: null, indicators: 1, latest_review_outcome: 'sustained', outcome_reported: true, adopted_year: 2018, position: '99' });
    expect(rows.assignments).toEqual([expect.objectContaining({ committee_id: 'c1', state: 'accepted', last_status: 'implemented', can_be_overdue: false, reports: 2 })]);
    expect(rows.indicators[0]).toMatchObject({ latest_value: 25, latest_measured_on: '2020-03-01', measurements: 1 });
    expect(rows.measurements).toEqual([expect.objectContaining({ indicator_id: 'i1', seq: 0, value: 25, region_id: 'duesseldorf' })]);
    expect(rows.reviews).toEqual([expect.objectContaining({ outcome: 'sustained', anchoring: ['budget'] })]);
  });

  it('R2: in progress, overdue-relevant due date from the last report', () => {
    const rows = recommendationRows(stream(2, adopted(2), handedOff(2, 'c2', '2019-04-10'), answered(2, 'c2', '2019-06-20'), report(2, 'c2', 'in_progress', '2019-09-01', '2020-03-01')), last)!;
    expect(rows.recommendation).toMatchObject({ lifecycle_state: 'in_progress', next_due_on: '2020-03-01', last_event_on: '2019-09-01' });
    expect(rows.assignments[0]).toMatchObject({ current_due_on: '2020-03-01', can_be_overdue: true });
    // Stored facts say nothing about "today"; the figures' day decides overdue.
    expect(factsAsOf(rows.facts.facts as never, '2021-06-30').handOffs[0].overdue).toBe(true);
    expect(factsAsOf(rows.facts.facts as never, '2020-02-29').handOffs[0].overdue).toBe(false);
  });

  it.each([
    ['withdrawn', { type: 'RecommendationWithdrawn', data: { ...ids(6), reason: 'erledigt', effectiveOn: '2019-09-01' } }],
    ['superseded', { type: 'RecommendationSuperseded', data: { ...ids(6), successorId: 'r7', reason: 'ersetzt', effectiveOn: '2019-09-01' } }],
  ] as [string, RecommendationEvent][])('%s with an assignment overdue before: nothing due or overdue in rows or facts (domain rule 1)', (state, retired) => {
    const history = [adopted(6), handedOff(6, 'c1', '2019-01-15'), answered(6, 'c1', '2019-02-01'), report(6, 'c1', 'in_progress', '2019-06-01', '2019-08-01')];
    const before = recommendationRows(stream(6, ...history), last)!;
    expect(before.recommendation.next_due_on).toBe('2019-08-01');
    const rows = recommendationRows(stream(6, ...history, retired), last)!;
    expect(rows.recommendation).toMatchObject({ lifecycle_state: state, next_due_on: null });
    expect(rows.assignments[0]).toMatchObject({ state: 'accepted', current_due_on: null, can_be_overdue: false });
    const facts = factsAsOf(rows.facts.facts as never, '2021-06-30');
    expect(facts.handOffs[0]).toMatchObject({ overdue: false });
    expect(facts.handOffs[0].currentDueOn).toBeUndefined();
    // Facts stored before this rule still carry the old due date; reading them as of a day drops it.
    const stale = { ...(rows.facts.facts as object), handOffs: [{ ...(rows.facts.facts as { handOffs: object[] }).handOffs[0], currentDueOn: '2019-08-01', overdue: true }] };
    expect(factsAsOf(stale as never, '2021-06-30').handOffs[0]).toEqual(expect.not.objectContaining({ currentDueOn: expect.anything() }));
    expect(factsAsOf(stale as never, '2021-06-30').handOffs[0].overdue).toBe(false);
  });

  it('R3: declined by one committee, partially implemented by another, reviewed lapsed', () => {
    const rows = recommendationRows(
      stream(
        3,
        adopted(3),
        handedOff(3, 'c1', '2019-02-01'),
        answered(3, 'c1', '2019-02-20', false),
        handedOff(3, 'c3', '2019-03-01'),
        answered(3, 'c3', '2019-03-10'),
        report(3, 'c3', 'partially_implemented', '2020-01-10'),
        { type: 'SustainabilityReviewed', data: { ...ids(3), reviewedOn: '2021-02-01', outcome: 'lapsed', anchoring: ['none'], note: '' } },
      ),
      last,
    )!;
    expect(rows.recommendation).toMatchObject({ lifecycle_state: 'lapsed', partially_implemented_on: '2020-01-10', assignments_declined: 1, assignments_accepted: 1, next_due_on: null });
    expect(rows.assignments.map((a) => [a.seq, a.committee_id, a.state, a.current_due_on])).toEqual([
      [0, 'c1', 'declined', '2019-06-30'],
      [1, 'c3', 'accepted', null],
    ]);
  });

  it('R4 withdrawn and R5 untouched; a stream without adoption has no rows', () => {
    expect(recommendationRows(stream(4, adopted(4), { type: 'RecommendationWithdrawn', data: { ...ids(4), reason: 'x', effectiveOn: '2019-05-01' } }), last)!.recommendation.lifecycle_state).toBe('withdrawn');
    expect(recommendationRows(stream(5, adopted(5)), last)!.recommendation).toMatchObject({ lifecycle_state: 'adopted', hand_offs: 0, last_event_on: '2018-11-20' });
    expect(recommendationRows(stream(6, report(6, 'c1', 'implemented', '2019-01-01')), last)).toBeUndefined();
  });

  it('applies corrections: the corrected title and report date count, the original stays in the log', () => {
    const events = stream(7, adopted(7), handedOff(7, 'c1', '2019-01-15'), answered(7, 'c1', '2019-02-01'), report(7, 'c1', 'implemented', '2019-10-15'));
    const [adoption, , , reported] = events;
    const corrections = stream(
      7,
      { type: 'EntryCorrected', data: { ...ids(7), correctsEventId: adoption.eventId, correctedEventType: 'RecommendationAdopted', correctedFields: { title: 'Richtiger Titel' }, reason: 'Tippfehler', effectiveOn: '2019-11-01' } },
      { type: 'EntryCorrected', data: { ...ids(7), correctsEventId: reported.eventId, correctedEventType: 'ImplementationStatusReported', correctedFields: { status: 'partially_implemented' }, reason: 'falsch', effectiveOn: '2019-11-01' } },
    );
    const rows = recommendationRows([...events, ...corrections], last)!;
    expect(rows.recommendation).toMatchObject({ title: 'Richtiger Titel', lifecycle_state: 'partially_implemented', implemented_on: null, partially_implemented_on: '2019-10-15' });
  });
});
