import {
  aCommitteeMember,
  aCorrectEntryCommand,
  aDeclineHandOffCommand,
  aDefineIndicatorCommand,
  adoptedDefaults,
  aHandOffAccepted,
  aHandOffCommand,
  aHandOffDeclined,
  aHandOffWithdrawn,
  anAcceptHandOffCommand,
  anAdoptCommand,
  anAmendCommand,
  anEntryCorrected,
  anImpactIndicatorDefined,
  anImpactMeasured,
  anImplementationStatusReported,
  anOffice,
  anOutcomeReportedToConference,
  aRecommendationAdopted,
  aRecommendationAmended,
  aRecommendationHandedOff,
  aRecommendationSuperseded,
  aRecommendationWithdrawn,
  aRecordMeasurementCommand,
  aReportOutcomeCommand,
  aReportStatusCommand,
  aReviewCommand,
  aSteeringMember,
  aSupersedeCommand,
  aSustainabilityReviewed,
  aWithdrawCommand,
  aWithdrawHandOffCommand,
  committeesOfRegion,
  DAY,
  DeciderSpecification,
  ID,
  recorded,
  TODAY,
  TOMORROW,
} from '@app/testing';
import type { RecommendationCommand } from './commands';
import { recommendationDecider } from './decider';
import type { AdoptedRecommendation } from './state';

const spec = DeciderSpecification.for(recommendationDecider);

const adopted = aRecommendationAdopted();
const handedOff = aRecommendationHandedOff();
const accepted = aHandOffAccepted();
const B = ID.otherCommittee;

/** A recommendation whose hand-off to the committee was accepted. */
const withAcceptedHandOff = [adopted, handedOff, accepted];
const withdrawn = [...withAcceptedHandOff, aRecommendationWithdrawn()];
const superseded = [...withAcceptedHandOff, aRecommendationSuperseded()];
const implemented = [...withAcceptedHandOff, anImplementationStatusReported({ status: 'implemented', progressPercent: 100 })];

const adoptedState = (state: unknown): AdoptedRecommendation => {
  if ((state as AdoptedRecommendation).status !== 'adopted') throw new Error('not adopted');
  return state as AdoptedRecommendation;
};

describe('Recommendation decider', () => {
  describe('AdoptRecommendation', () => {
    it('records the adoption', () => spec.given([]).when(anAdoptCommand()).then([adopted]));
    it('accepts an adoption later than the conference (rule 7)', () =>
      spec.given([]).when(anAdoptCommand({ adoptedOn: '2026-03-20' })).then([aRecommendationAdopted({ adoptedOn: '2026-03-20' })]));
    it('refuses an adoption before its conference (rule 7)', () =>
      spec.given([]).when(anAdoptCommand({ adoptedOn: '2026-03-13' })).thenFails('adoption.before-conference', { conferenceDate: DAY.conference }));
    it('refuses an adoption date in the future (rule 7)', () =>
      spec.given([]).when(anAdoptCommand({ adoptedOn: TOMORROW })).thenFails('date.in-future', { field: 'adoptedOn' }));
    it('refuses an unknown conference', () =>
      spec.given([]).when(anAdoptCommand({}, { context: { committees: committeesOfRegion } })).thenFails('adoption.conference-unknown'));
    it('refuses a conference of another region', () =>
      spec
        .given([])
        .when(anAdoptCommand({}, { context: { conference: { regionId: ID.otherRegion, date: DAY.conference }, committees: committeesOfRegion } }))
        .thenFails('adoption.conference-unknown'));
    describe('names committees of its own region only', () => {
      const conference = { regionId: ID.region, date: DAY.conference };
      const foreign = 'c0aa0000-0000-4000-8000-0000000000ff';
      it('refuses an addressee of another region', () =>
        spec
          .given([])
          .when(anAdoptCommand({ addressees: { committeeIds: [ID.committee, foreign], decisionMakers: [] } }, { context: { conference, committees: { ...committeesOfRegion, [foreign]: { regionId: ID.otherRegion, dissolved: false } } } }))
          .thenFails('adoption.committee-foreign', { committeeIds: [foreign] }));
      it('refuses an originating committee of another region', () =>
        spec
          .given([])
          .when(anAdoptCommand({ originCommitteeIds: [foreign] }, { context: { conference, committees: { [foreign]: { regionId: ID.otherRegion, dissolved: false } } } }))
          .thenFails('adoption.committee-foreign', { committeeIds: [foreign] }));
      it('accepts a committee not registered yet (a recommendation may lead to founding it)', () =>
        spec.given([]).when(anAdoptCommand({}, { context: { conference, committees: {} } })).then([adopted]));
      it('accepts a committee dissolved since (the recommendation may be older)', () =>
        spec
          .given([])
          .when(anAdoptCommand({}, { context: { conference, committees: { [ID.committee]: { regionId: ID.region, dissolved: true } } } }))
          .then([adopted]));
    });
    it('refuses a second adoption of the same recommendation', () =>
      spec.given([adopted]).when(anAdoptCommand()).thenFails('recommendation.already-adopted'));
  });

  describe('when nothing is adopted', () => {
    const commands: RecommendationCommand[] = [
      anAmendCommand(),
      aHandOffCommand(),
      anAcceptHandOffCommand(),
      aReportStatusCommand(),
      aReviewCommand(),
      aWithdrawCommand(),
      aCorrectEntryCommand(),
    ];
    it.each(commands.map((c) => [c.type, c] as const))('refuses %s', (_type, command) =>
      spec.given([]).when(command).thenFails('recommendation.not-adopted'));
  });

  describe('AmendRecommendation', () => {
    it('records only what changed', () =>
      spec
        .given([adopted])
        .when(anAmendCommand({ title: 'Neu', text: adoptedDefaults.text }))
        .then([aRecommendationAmended({ title: 'Neu' })]));
    it('records new fields of action', () =>
      spec
        .given([adopted])
        .when(anAmendCommand({ title: undefined, fieldsOfAction: ['Übergang Schule/Beruf', 'Inklusion'] }))
        .then([{ type: 'RecommendationAmended', data: { ...aRecommendationAmended().data, title: undefined, fieldsOfAction: ['Übergang Schule/Beruf', 'Inklusion'] } }]));
    it('defaults effectiveOn to today', () =>
      spec.given([adopted]).when(anAmendCommand({ effectiveOn: undefined })).then([aRecommendationAmended({ effectiveOn: TODAY })]));
    it('refuses an amendment that changes nothing', () =>
      spec.given([adopted]).when(anAmendCommand({ title: adoptedDefaults.title })).thenFails('amendment.no-change'));
    it('refuses an effectiveOn before the adoption (rule 7)', () =>
      spec.given([adopted]).when(anAmendCommand({ effectiveOn: '2026-03-01' })).thenFails('date.before-adoption'));
    it('applies the amendment to the state', () =>
      expect(adoptedState(spec.given([adopted, aRecommendationAmended({ title: 'Neu' })]).state()).title).toBe('Neu'));
    it('still amends a withdrawn recommendation (a text fix is no new work)', () =>
      spec.given(withdrawn).when(anAmendCommand()).then([aRecommendationAmended()]));
  });

  describe('HandOffRecommendation', () => {
    describe('when adopted', () => {
      const given = spec.given([adopted]);
      it('hands it off to a committee', () => given.when(aHandOffCommand()).then([handedOff]));
      it('hands it off without a decision reference', () =>
        given
          .when(aHandOffCommand({ decisionReference: undefined }))
          .then([{ type: 'RecommendationHandedOff', data: (({ decisionReference: _, ...d }) => d)(handedOff.data) }]));
      it('accepts a report due on the day of the decision (rule 2)', () =>
        given.when(aHandOffCommand({ reportDueOn: DAY.handOffDecided })).then([aRecommendationHandedOff({ reportDueOn: DAY.handOffDecided })]));
      it('refuses a report due before the decision (rule 2)', () =>
        given.when(aHandOffCommand({ reportDueOn: '2026-04-01' })).thenFails('handoff.due-before-decision'));
      it('refuses an unknown committee (rule 2)', () => given.when(aHandOffCommand({}, { context: {} })).thenFails('handoff.committee-unknown'));
      it('refuses a committee of another region (rule 2)', () =>
        given
          .when(aHandOffCommand({}, { context: { committee: { regionId: ID.otherRegion, dissolved: false } } }))
          .thenFails('handoff.committee-unknown'));
      it('refuses a dissolved committee (rule 2)', () =>
        given.when(aHandOffCommand({}, { context: { committee: { regionId: ID.region, dissolved: true } } })).thenFails('handoff.committee-dissolved'));
      it('refuses a decision in the future (rule 7)', () =>
        given.when(aHandOffCommand({ decidedOn: TOMORROW, reportDueOn: '2027-01-31' })).thenFails('date.in-future', { field: 'decidedOn' }));
      it('refuses a decision before the adoption (rule 7)', () =>
        given.when(aHandOffCommand({ decidedOn: '2026-03-13' })).thenFails('date.before-adoption', { adoptedOn: DAY.adopted }));
      it('accepts a decision on the adoption day (rule 7)', () =>
        given.when(aHandOffCommand({ decidedOn: DAY.adopted })).then([aRecommendationHandedOff({ decidedOn: DAY.adopted })]));
      it('refuses a due date that is no calendar day', () => given.when(aHandOffCommand({ reportDueOn: '2026-09-31' })).thenFails('date.invalid'));
      it('makes the assignment pending', () =>
        expect(adoptedState(spec.given([adopted, handedOff]).state()).assignments[ID.committee]?.status).toBe('pending'));
    });

    describe('when the committee has a pending hand-off', () => {
      const given = spec.given([adopted, handedOff]);
      it('refuses a second one (rule 2)', () => given.when(aHandOffCommand()).thenFails('handoff.already-active', { status: 'pending' }));
      it('hands it off to another committee', () =>
        given.when(aHandOffCommand({ committeeId: B })).then([aRecommendationHandedOff({ committeeId: B })]));
    });

    describe('when the committee has an accepted hand-off', () => {
      it('refuses a second one (rule 2)', () =>
        spec.given(withAcceptedHandOff).when(aHandOffCommand()).thenFails('handoff.already-active', { status: 'accepted' }));
    });

    describe('when the committee declined or the hand-off was withdrawn', () => {
      it('hands it off anew after a decline', () =>
        spec.given([adopted, handedOff, aHandOffDeclined()]).when(aHandOffCommand({ decidedOn: '2026-05-01' })).then([aRecommendationHandedOff({ decidedOn: '2026-05-01' })]));
      it('hands it off anew after a withdrawal', () =>
        spec.given([adopted, handedOff, aHandOffWithdrawn()]).when(aHandOffCommand()).then([handedOff]));
    });

    describe('when withdrawn', () => {
      it('refuses a hand-off (rule 1)', () => spec.given(withdrawn).when(aHandOffCommand({ committeeId: B })).thenFails('recommendation.withdrawn'));
    });
    describe('when superseded', () => {
      it('refuses a hand-off (rule 1)', () => spec.given(superseded).when(aHandOffCommand({ committeeId: B })).thenFails('recommendation.superseded'));
    });
  });

  describe('AcceptHandOff', () => {
    describe('when pending', () => {
      const given = spec.given([adopted, handedOff]);
      it('is accepted by the committee', () => given.when(anAcceptHandOffCommand()).then([accepted]));
      it('records a contact', () => given.when(anAcceptHandOffCommand({ contact: 'Frau Beispiel' })).then([aHandOffAccepted({ contact: 'Frau Beispiel' })]));
      it('is accepted by the office on its behalf (rule 3)', () =>
        given.when(anAcceptHandOffCommand({}, { actor: anOffice({ onBehalfOf: ID.committee }) })).then([accepted]));
      it('refuses the office acting for another committee (rule 3)', () =>
        given.when(anAcceptHandOffCommand({}, { actor: anOffice({ onBehalfOf: B }) })).thenFails('handoff.wrong-committee'));
      it('refuses a member of another committee (rule 3)', () =>
        given.when(anAcceptHandOffCommand({}, { actor: aCommitteeMember([B]) })).thenFails('handoff.wrong-committee'));
      it('refuses the steering group (rule 3)', () =>
        given.when(anAcceptHandOffCommand({}, { actor: aSteeringMember() })).thenFails('handoff.wrong-committee'));
      it('refuses an acceptance before the decision', () =>
        given.when(anAcceptHandOffCommand({ on: '2026-04-01' })).thenFails('handoff.before-decision'));
      it('refuses an acceptance in the future (rule 7)', () => given.when(anAcceptHandOffCommand({ on: TOMORROW })).thenFails('date.in-future'));
      it('accepts today', () => given.when(anAcceptHandOffCommand({ on: TODAY })).then([aHandOffAccepted({ on: TODAY })]));
    });

    it('refuses a committee without hand-off (rule 3)', () =>
      spec.given([adopted]).when(anAcceptHandOffCommand()).thenFails('handoff.unknown'));
    it.each([
      ['accepted', aHandOffAccepted()],
      ['declined', aHandOffDeclined()],
      ['withdrawn', aHandOffWithdrawn()],
    ] as const)('refuses a hand-off that is %s (rule 3)', (status, event) =>
      spec.given([adopted, handedOff, event]).when(anAcceptHandOffCommand()).thenFails('handoff.not-pending', { status }));

    describe('when the recommendation is withdrawn', () => {
      it('refuses to accept (rule 1)', () =>
        spec.given([adopted, handedOff, aRecommendationWithdrawn()]).when(anAcceptHandOffCommand()).thenFails('recommendation.withdrawn'));
    });
  });

  describe('DeclineHandOff', () => {
    it('is declined by the committee', () => spec.given([adopted, handedOff]).when(aDeclineHandOffCommand()).then([aHandOffDeclined()]));
    it('refuses a member of another committee (rule 3)', () =>
      spec.given([adopted, handedOff]).when(aDeclineHandOffCommand({}, { actor: aCommitteeMember([B]) })).thenFails('handoff.wrong-committee'));
    it('refuses an accepted hand-off (rule 3)', () => spec.given(withAcceptedHandOff).when(aDeclineHandOffCommand()).thenFails('handoff.not-pending'));
    it('refuses a committee without hand-off', () => spec.given([adopted]).when(aDeclineHandOffCommand()).thenFails('handoff.unknown'));
    it('still lets a committee decline after the recommendation was withdrawn', () =>
      spec.given([adopted, handedOff, aRecommendationWithdrawn()]).when(aDeclineHandOffCommand()).then([aHandOffDeclined()]));
  });

  describe('WithdrawHandOff', () => {
    it('withdraws a pending hand-off', () => spec.given([adopted, handedOff]).when(aWithdrawHandOffCommand()).then([aHandOffWithdrawn()]));
    it('withdraws an accepted hand-off', () => spec.given(withAcceptedHandOff).when(aWithdrawHandOffCommand()).then([aHandOffWithdrawn()]));
    it('refuses a declined hand-off', () =>
      spec.given([adopted, handedOff, aHandOffDeclined()]).when(aWithdrawHandOffCommand()).thenFails('handoff.not-active', { status: 'declined' }));
    it('refuses a committee without hand-off', () => spec.given([adopted]).when(aWithdrawHandOffCommand()).thenFails('handoff.unknown'));
    it('refuses an effectiveOn in the future', () =>
      spec.given([adopted, handedOff]).when(aWithdrawHandOffCommand({ effectiveOn: TOMORROW })).thenFails('date.in-future'));
    it('still tidies up after the recommendation was withdrawn', () =>
      spec.given(withdrawn).when(aWithdrawHandOffCommand()).then([aHandOffWithdrawn()]));
  });

  describe('ReportImplementationStatus', () => {
    describe('when the hand-off is accepted', () => {
      const given = spec.given(withAcceptedHandOff);
      it('records the report', () => given.when(aReportStatusCommand()).then([anImplementationStatusReported()]));
      it('records a report by the office on the committee’s behalf', () =>
        given.when(aReportStatusCommand({}, { actor: anOffice({ onBehalfOf: ID.committee }) })).then([anImplementationStatusReported()]));
      it('refuses a member of another committee', () =>
        given.when(aReportStatusCommand({}, { actor: aCommitteeMember([B]) })).thenFails('assignment.wrong-committee'));
      it.each(['not_implemented', 'blocked'] as const)('refuses %s without a reason', (status) =>
        given.when(aReportStatusCommand({ status })).thenFails('status.reason-required', { status }));
      it('refuses a blank reason', () => given.when(aReportStatusCommand({ status: 'blocked', reason: ' ' })).thenFails('status.reason-required'));
      it.each(['not_implemented', 'blocked'] as const)('records %s with a reason', (status) =>
        given.when(aReportStatusCommand({ status, reason: 'Keine Mittel' })).then([anImplementationStatusReported({ status, reason: 'Keine Mittel' })]));
      it.each(['not_started', 'planned', 'in_progress', 'partially_implemented', 'implemented'] as const)('records %s without a reason', (status) =>
        given.when(aReportStatusCommand({ status })).then([anImplementationStatusReported({ status })]));
      it('refuses a report dated before the hand-off decision (rule 4)', () =>
        given.when(aReportStatusCommand({ reportedOn: '2026-04-01' })).thenFails('status.before-handoff', { decidedOn: DAY.handOffDecided }));
      it('accepts a report on the day of the hand-off decision (rule 4)', () =>
        given.when(aReportStatusCommand({ reportedOn: DAY.handOffDecided })).then([anImplementationStatusReported({ reportedOn: DAY.handOffDecided })]));
      it('refuses a report in the future (rule 7)', () =>
        given.when(aReportStatusCommand({ reportedOn: TOMORROW, nextReportDueOn: undefined })).thenFails('date.in-future'));
      it.each([-1, 101, Number.NaN])('refuses progress %p', (progressPercent) =>
        given.when(aReportStatusCommand({ progressPercent })).thenFails('status.progress-out-of-range'));
      it('refuses a next report due before this one', () =>
        given.when(aReportStatusCommand({ nextReportDueOn: '2026-06-14' })).thenFails('status.next-due-before-report'));
    });

    it.each([
      ['no hand-off', [adopted], 'none'],
      ['a pending hand-off', [adopted, handedOff], 'pending'],
      ['a declined hand-off', [adopted, handedOff, aHandOffDeclined()], 'declined'],
      ['a withdrawn hand-off', [...withAcceptedHandOff, aHandOffWithdrawn()], 'withdrawn'],
    ] as const)('refuses a report on %s (rule 4)', (_case, given, status) =>
      spec.given(given).when(aReportStatusCommand()).thenFails('status.requires-accepted-handoff', { status }));
    it('refuses a report of a committee whose only acceptance belongs to another committee (rule 4)', () =>
      spec
        .given([...withAcceptedHandOff, aRecommendationHandedOff({ committeeId: B })])
        .when(aReportStatusCommand({ committeeId: B }))
        .thenFails('status.requires-accepted-handoff'));

    describe('when withdrawn', () => {
      it('refuses a report (rule 1)', () => spec.given(withdrawn).when(aReportStatusCommand()).thenFails('recommendation.withdrawn'));
    });
    describe('when superseded', () => {
      it('refuses a report (rule 1)', () => spec.given(superseded).when(aReportStatusCommand()).thenFails('recommendation.superseded'));
    });
  });

  describe('DefineImpactIndicator', () => {
    const given = spec.given(withAcceptedHandOff);
    it('defines an indicator', () => given.when(aDefineIndicatorCommand()).then([anImpactIndicatorDefined()]));
    it('accepts a baseline before the adoption', () =>
      given.when(aDefineIndicatorCommand({ baseline: { value: 30, on: '2024-07-31' } })).then([anImpactIndicatorDefined({ baseline: { value: 30, on: '2024-07-31' } })]));
    it('refuses a second indicator with the same id (rule 5)', () =>
      spec.given([...withAcceptedHandOff, anImpactIndicatorDefined()]).when(aDefineIndicatorCommand({ name: 'anders' })).thenFails('indicator.duplicate-id'));
    it('defines a second indicator with another id', () =>
      spec
        .given([...withAcceptedHandOff, anImpactIndicatorDefined()])
        .when(aDefineIndicatorCommand({ indicatorId: 'abbrecherquote' }))
        .then([anImpactIndicatorDefined({ indicatorId: 'abbrecherquote' })]));
    it('refuses without accepted hand-off (rule 4)', () =>
      spec.given([adopted, handedOff]).when(aDefineIndicatorCommand()).thenFails('indicator.requires-accepted-handoff'));
    it('refuses a member of another committee', () =>
      given.when(aDefineIndicatorCommand({}, { actor: aCommitteeMember([B]) })).thenFails('assignment.wrong-committee'));
    it('refuses a target due before the baseline', () =>
      given.when(aDefineIndicatorCommand({ target: { value: 45, dueOn: '2025-12-30' } })).thenFails('indicator.target-before-baseline'));
    it('refuses a baseline in the future', () =>
      given.when(aDefineIndicatorCommand({ baseline: { value: 38, on: TOMORROW } })).thenFails('date.in-future', { field: 'baseline.on' }));
    it('refuses on a withdrawn recommendation (rule 1)', () => spec.given(withdrawn).when(aDefineIndicatorCommand()).thenFails('recommendation.withdrawn'));
  });

  describe('RecordImpactMeasurement', () => {
    const given = spec.given([...withAcceptedHandOff, anImpactIndicatorDefined()]);
    it('records a measurement', () => given.when(aRecordMeasurementCommand()).then([anImpactMeasured()]));
    it('refuses an undefined indicator (rule 5)', () =>
      given.when(aRecordMeasurementCommand({ indicatorId: 'unbekannt' })).thenFails('measurement.unknown-indicator', { indicatorId: 'unbekannt' }));
    it('refuses without accepted hand-off (rule 4)', () =>
      spec
        .given([...withAcceptedHandOff, anImpactIndicatorDefined(), aHandOffWithdrawn()])
        .when(aRecordMeasurementCommand())
        .thenFails('measurement.requires-accepted-handoff'));
    it('refuses a measurement in the future (rule 7)', () => given.when(aRecordMeasurementCommand({ measuredOn: TOMORROW })).thenFails('date.in-future'));
    it('refuses a measurement before the adoption (rule 7)', () =>
      given.when(aRecordMeasurementCommand({ measuredOn: '2026-01-01' })).thenFails('date.before-adoption'));
    describe('when another committee defined the indicator (rule 5)', () => {
      /** Both committees accepted a hand-off; the indicator is the first committee's. */
      const bothAccepted = spec.given([
        ...withAcceptedHandOff,
        aRecommendationHandedOff({ committeeId: B }),
        aHandOffAccepted({ committeeId: B }),
        anImpactIndicatorDefined(),
      ]);
      it("refuses the other committee's member", () =>
        bothAccepted
          .when(aRecordMeasurementCommand({ committeeId: B }))
          .thenFails('measurement.not-indicator-owner', { indicatorId: ID.indicator, owner: ID.committee, committeeId: B }));
      it('refuses a member of both committees naming the other one', () =>
        bothAccepted
          .when(aRecordMeasurementCommand({ committeeId: B }, { actor: aCommitteeMember([ID.committee, B]) }))
          .thenFails('measurement.not-indicator-owner'));
      it('refuses the office on behalf of the other committee', () =>
        bothAccepted
          .when(aRecordMeasurementCommand({ committeeId: B }, { actor: anOffice({ onBehalfOf: B }) }))
          .thenFails('measurement.not-indicator-owner'));
      it('records it for the defining committee, by its member', () => bothAccepted.when(aRecordMeasurementCommand()).then([anImpactMeasured()]));
      it('records it for the defining committee, by the office on its behalf', () =>
        bothAccepted.when(aRecordMeasurementCommand({}, { actor: anOffice({ onBehalfOf: ID.committee }) })).then([anImpactMeasured()]));
      it('refuses the office naming one committee while acting for the other', () =>
        bothAccepted.when(aRecordMeasurementCommand({}, { actor: anOffice({ onBehalfOf: B }) })).thenFails('assignment.wrong-committee'));
      it("lets the other committee measure its own indicator", () =>
        spec
          .given([
            ...withAcceptedHandOff,
            aRecommendationHandedOff({ committeeId: B }),
            aHandOffAccepted({ committeeId: B }),
            anImpactIndicatorDefined(),
            anImpactIndicatorDefined({ committeeId: B, indicatorId: 'abbrecherquote' }),
          ])
          .when(aRecordMeasurementCommand({ committeeId: B, indicatorId: 'abbrecherquote' }))
          .then([anImpactMeasured({ committeeId: B, indicatorId: 'abbrecherquote' })]));
    });
    it('counts measurements in the state', () =>
      expect(adoptedState(spec.given([...withAcceptedHandOff, anImpactIndicatorDefined(), anImpactMeasured()]).state()).indicators[ID.indicator]?.measurements).toBe(1));
  });

  describe('ReviewSustainability', () => {
    it('reviews an implemented recommendation (rule 6)', () => spec.given(implemented).when(aReviewCommand()).then([aSustainabilityReviewed()]));
    it('reviews a partially implemented recommendation (rule 6)', () =>
      spec
        .given([...withAcceptedHandOff, anImplementationStatusReported({ status: 'partially_implemented' })])
        .when(aReviewCommand({ outcome: 'at_risk', anchoring: ['none'] }))
        .then([aSustainabilityReviewed({ outcome: 'at_risk', anchoring: ['none'] })]));
    it('refuses without any report (rule 6)', () => spec.given(withAcceptedHandOff).when(aReviewCommand()).thenFails('review.requires-implementation'));
    it('refuses when reports are only in progress (rule 6)', () =>
      spec.given([...withAcceptedHandOff, anImplementationStatusReported()]).when(aReviewCommand()).thenFails('review.requires-implementation'));
    it('judges by the latest report date, not by recording order', () =>
      spec
        .given([
          ...withAcceptedHandOff,
          anImplementationStatusReported({ status: 'implemented', reportedOn: '2026-09-01' }),
          anImplementationStatusReported({ status: 'in_progress', reportedOn: '2026-07-01' }),
        ])
        .when(aReviewCommand())
        .then([aSustainabilityReviewed()]));
    it('refuses when the latest report falls back to blocked', () =>
      spec
        .given([...implemented, anImplementationStatusReported({ status: 'blocked', reason: 'Mittel gestrichen', reportedOn: '2026-08-01' })])
        .when(aReviewCommand())
        .thenFails('review.requires-implementation'));
    it('refuses a review in the future (rule 7)', () => spec.given(implemented).when(aReviewCommand({ reviewedOn: TOMORROW })).thenFails('date.in-future'));
    it('refuses on a withdrawn recommendation (rule 1)', () =>
      spec.given([...implemented, aRecommendationWithdrawn()]).when(aReviewCommand()).thenFails('recommendation.withdrawn'));
  });

  describe('ReportOutcomeToConference', () => {
    it('reports the outcome to a later conference', () => spec.given(implemented).when(aReportOutcomeCommand()).then([anOutcomeReportedToConference()]));
    it('refuses the adopting conference', () =>
      spec
        .given([adopted])
        .when(aReportOutcomeCommand({ conferenceId: ID.conference }, { context: { conference: { regionId: ID.region, date: DAY.laterConference } } }))
        .thenFails('outcome.conference-not-later'));
    it('refuses a conference not after the adoption', () =>
      spec
        .given([adopted])
        .when(aReportOutcomeCommand({}, { context: { conference: { regionId: ID.region, date: DAY.adopted } } }))
        .thenFails('outcome.conference-not-later'));
    it('refuses an unknown conference', () => spec.given([adopted]).when(aReportOutcomeCommand({}, { context: {} })).thenFails('outcome.conference-unknown'));
    it('refuses a conference of another region', () =>
      spec
        .given([adopted])
        .when(aReportOutcomeCommand({}, { context: { conference: { regionId: ID.otherRegion, date: DAY.laterConference } } }))
        .thenFails('outcome.conference-unknown'));
    it('still reports after withdrawal (rule 1)', () => spec.given(withdrawn).when(aReportOutcomeCommand()).then([anOutcomeReportedToConference()]));
    it('still reports after supersession (rule 1)', () => spec.given(superseded).when(aReportOutcomeCommand()).then([anOutcomeReportedToConference()]));
  });

  describe('WithdrawRecommendation', () => {
    it('withdraws it', () => spec.given(withAcceptedHandOff).when(aWithdrawCommand()).then([aRecommendationWithdrawn()]));
    it('defaults effectiveOn to today', () => spec.given([adopted]).when(aWithdrawCommand({ effectiveOn: undefined })).then([aRecommendationWithdrawn({ effectiveOn: TODAY })]));
    it('refuses to withdraw twice (rule 1)', () => spec.given(withdrawn).when(aWithdrawCommand()).thenFails('recommendation.withdrawn'));
    it('refuses to withdraw a superseded one (rule 1)', () => spec.given(superseded).when(aWithdrawCommand()).thenFails('recommendation.superseded'));
    it('refuses an effectiveOn before the adoption (rule 7)', () =>
      spec.given([adopted]).when(aWithdrawCommand({ effectiveOn: '2026-03-13' })).thenFails('date.before-adoption'));
    it('marks the state terminal', () => expect(adoptedState(spec.given(withdrawn).state()).terminal).toBe('withdrawn'));
  });

  describe('SupersedeRecommendation', () => {
    it('supersedes it', () => spec.given([adopted]).when(aSupersedeCommand()).then([aRecommendationSuperseded()]));
    it('refuses itself as successor', () =>
      spec.given([adopted]).when(aSupersedeCommand({ successorId: ID.recommendation })).thenFails('supersede.successor-self'));
    it('refuses an unknown successor', () => spec.given([adopted]).when(aSupersedeCommand({}, { context: {} })).thenFails('supersede.successor-unknown'));
    it('refuses a successor of another region', () =>
      spec
        .given([adopted])
        .when(aSupersedeCommand({}, { context: { successor: { regionId: ID.otherRegion, adoptedOn: DAY.adopted } } }))
        .thenFails('supersede.successor-unknown'));
    describe('dated against its successor’s adoption (rule 7)', () => {
      const successorAdoptedOn = '2026-06-20';
      const context = { successor: { regionId: ID.region, adoptedOn: successorAdoptedOn } };
      it('refuses a supersession dated before the successor was adopted', () =>
        spec
          .given([adopted])
          .when(aSupersedeCommand({ effectiveOn: '2026-06-19' }, { context }))
          .thenFails('supersede.before-successor', { effectiveOn: '2026-06-19', successorAdoptedOn }));
      it('refuses one defaulting to today when the successor is dated later (a correction moved it)', () =>
        spec
          .given([adopted])
          .when(aSupersedeCommand({ effectiveOn: undefined }, { context: { successor: { regionId: ID.region, adoptedOn: TOMORROW } } }))
          .thenFails('supersede.before-successor', { effectiveOn: TODAY }));
      it('accepts one dated on the day of the successor’s adoption', () =>
        spec
          .given([adopted])
          .when(aSupersedeCommand({ effectiveOn: successorAdoptedOn }, { context }))
          .then([aRecommendationSuperseded({ effectiveOn: successorAdoptedOn })]));
    });
    it('refuses a withdrawn one (rule 1)', () => spec.given(withdrawn).when(aSupersedeCommand()).thenFails('recommendation.withdrawn'));
    it('refuses to supersede twice (rule 1)', () => spec.given(superseded).when(aSupersedeCommand()).thenFails('recommendation.superseded'));
  });

  describe('CorrectEntry', () => {
    const report = recorded('evt-report', anImplementationStatusReported());
    const withReport = [recorded('evt-adopted', adopted), recorded('evt-handoff', handedOff), recorded('evt-accepted', accepted), report];

    it('corrects a report’s status (rule 9)', () =>
      spec.given(withReport).when(aCorrectEntryCommand()).then([anEntryCorrected()]));
    it('applies the correction to the state: the corrected report now allows a review', () => {
      const corrected = anEntryCorrected({ correctedFields: { status: 'implemented' } });
      spec.given([...withReport, corrected]).when(aReviewCommand()).then([aSustainabilityReviewed()]);
      spec.given(withReport).when(aReviewCommand()).thenFails('review.requires-implementation');
    });
    it('applies a corrected hand-off decision date', () => {
      const corrected = anEntryCorrected({
        correctsEventId: 'evt-handoff',
        correctedEventType: 'RecommendationHandedOff',
        correctedFields: { decidedOn: '2026-04-01' },
      });
      expect(adoptedState(spec.given([...withReport, corrected]).state()).assignments[ID.committee]?.decidedOn).toBe('2026-04-01');
    });
    it('applies a corrected adoption date', () => {
      const corrected = anEntryCorrected({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { adoptedOn: '2026-03-16' } });
      expect(adoptedState(spec.given([...withReport, corrected]).state()).adoptedOn).toBe('2026-03-16');
    });
    it('the latest correction of a field wins', () => {
      const first = anEntryCorrected({ correctedFields: { status: 'implemented' } });
      const second = anEntryCorrected({ correctedFields: { status: 'planned' } });
      spec.given([...withReport, first, second]).when(aReviewCommand()).thenFails('review.requires-implementation');
    });
    it('refuses an event id not in this stream', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctsEventId: 'evt-elsewhere' })).thenFails('correction.unknown-event'));
    it('refuses an event that was folded without id', () =>
      spec.given([adopted, handedOff, accepted, anImplementationStatusReported()]).when(aCorrectEntryCommand()).thenFails('correction.unknown-event'));
    it('refuses a wrong event type', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-handoff' }))
        .thenFails('correction.type-mismatch', { expected: 'RecommendationHandedOff', given: 'ImplementationStatusReported' }));
    it('needs no event type: the stream knows it, and the correction records it (rule 9)', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctedEventType: undefined })).then([anEntryCorrected()]));
    it('takes the type from the stream for any entry', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-handoff', correctedEventType: undefined, correctedFields: { reportDueOn: '2026-10-31' } }))
        .then([anEntryCorrected({ correctsEventId: 'evt-handoff', correctedEventType: 'RecommendationHandedOff', correctedFields: { reportDueOn: '2026-10-31' } })]));
    it('judges the fields by the stream’s type when none is given', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-handoff', correctedEventType: undefined }))
        .thenFails('correction.field-not-correctable', { eventType: 'RecommendationHandedOff', fields: ['status'] }));
    describe('of the addressees', () => {
      const addressees = { committeeIds: [ID.committee, B], decisionMakers: ['Rat der Stadt'] };
      const correct = (committees: Record<string, { regionId: string; dissolved: boolean }>) => ({
        ...aCorrectEntryCommand({ correctsEventId: 'evt-adopted', correctedEventType: undefined, correctedFields: { addressees } }),
        context: { committees },
      });
      it('refuses a committee that is not of this region', () =>
        spec
          .given(withReport)
          .when(correct({ [ID.committee]: { regionId: ID.region, dissolved: false }, [B]: { regionId: ID.otherRegion, dissolved: false } }))
          .thenFails('adoption.committee-foreign', { committeeIds: [B] }));
      it('accepts committees of this region', () =>
        spec
          .given(withReport)
          .when(correct(committeesOfRegion))
          .then([anEntryCorrected({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { addressees } })]));
    });
    describe('of a supersession (rule 7)', () => {
      const supersededEntries = [recorded('evt-adopted', adopted), recorded('evt-superseded', aRecommendationSuperseded({ effectiveOn: '2026-07-01' }))];
      const correctDate = (effectiveOn: string, successorAdoptedOn: string) => ({
        ...aCorrectEntryCommand({ correctsEventId: 'evt-superseded', correctedEventType: undefined, correctedFields: { effectiveOn } }),
        context: { successor: { regionId: ID.region, adoptedOn: successorAdoptedOn } },
      });
      it('refuses moving it before the successor’s adoption', () =>
        spec
          .given(supersededEntries)
          .when(correctDate('2026-06-19', '2026-06-20'))
          .thenFails('supersede.before-successor', { effectiveOn: '2026-06-19', successorAdoptedOn: '2026-06-20' }));
      it('accepts moving it to the successor’s adoption day', () =>
        spec
          .given(supersededEntries)
          .when(correctDate('2026-06-20', '2026-06-20'))
          .then([anEntryCorrected({ correctsEventId: 'evt-superseded', correctedEventType: 'RecommendationSuperseded', correctedFields: { effectiveOn: '2026-06-20' } })]));
    });
    it('refuses a field that does not belong to the event type', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctedFields: { committeeId: B } as never }))
        .thenFails('correction.field-not-correctable', { fields: ['committeeId'] }));
    it.each([
      ['status', { status: 'fertig' }],
      ['reportedOn', { reportedOn: '15.06.2026' }],
      ['progressPercent', { progressPercent: '50' }],
      ['evidence', { evidence: [{ title: 'Beleg' }] }],
    ])('refuses a value of the wrong shape for %s', (field, correctedFields) =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctedFields } as never)).thenFails('correction.invalid-value', { fields: [field] }));
    it('accepts removing an optional value', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctedFields: { nextReportDueOn: undefined } }))
        .then([anEntryCorrected({ correctedFields: { nextReportDueOn: undefined } })]));
    it('refuses a correction that changes nothing', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctedFields: {} })).thenFails('correction.empty'));
    it('refuses to correct a report to blocked without reason', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctedFields: { status: 'blocked' } })).thenFails('status.reason-required'));
    it('corrects a report to blocked with a reason', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctedFields: { status: 'blocked', reason: 'Mittel gestrichen' } }))
        .then([anEntryCorrected({ correctedFields: { status: 'blocked', reason: 'Mittel gestrichen' } })]));
    it('refuses a corrected date in the future (rule 7)', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctedFields: { reportedOn: TOMORROW, nextReportDueOn: undefined } }))
        .thenFails('date.in-future'));
    it('refuses a corrected report date before its hand-off decision (rule 4)', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ correctedFields: { reportedOn: '2026-04-01' } })).thenFails('status.before-handoff'));
    it('refuses moving the adoption after later entries (rule 7)', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { adoptedOn: '2026-05-01' } }))
        .thenFails('date.before-adoption'));
    it('refuses a corrected adoption date before the adopting conference (rule 7)', () =>
      spec
        .given(withReport)
        .when({
          ...aCorrectEntryCommand({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { adoptedOn: '2026-03-13' } }),
          context: { adoptingConference: { regionId: ID.region, date: DAY.conference } },
        })
        .thenFails('adoption.before-conference'));
    it('corrects the adoption date to a later day of the conference', () =>
      spec
        .given(withReport)
        .when({
          ...aCorrectEntryCommand({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { adoptedOn: '2026-03-15' } }),
          context: { adoptingConference: { regionId: ID.region, date: DAY.conference } },
        })
        .then([anEntryCorrected({ correctsEventId: 'evt-adopted', correctedEventType: 'RecommendationAdopted', correctedFields: { adoptedOn: '2026-03-15' } })]));
    it('refuses a corrected due date before the decision (rule 2)', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-handoff', correctedEventType: 'RecommendationHandedOff', correctedFields: { reportDueOn: '2026-04-01' } }))
        .thenFails('handoff.due-before-decision'));
    it('refuses moving a hand-off decision after a report on it (rule 4)', () =>
      spec
        // The acceptance was dated after the report; only the report ends up before the moved decision.
        .given([recorded('evt-adopted', adopted), recorded('evt-handoff', handedOff), aHandOffAccepted({ on: '2026-06-20' }), report])
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-handoff', correctedEventType: 'RecommendationHandedOff', correctedFields: { decidedOn: '2026-06-18' } }))
        .thenFails('status.before-handoff', { eventId: 'evt-report' }));
    it('refuses moving an acceptance before its hand-off decision (rule 3)', () =>
      spec
        .given(withReport)
        .when(aCorrectEntryCommand({ correctsEventId: 'evt-accepted', correctedEventType: 'HandOffAccepted', correctedFields: { on: '2026-04-01' } }))
        .thenFails('handoff.before-decision'));
    it('refuses an effectiveOn in the future', () =>
      spec.given(withReport).when(aCorrectEntryCommand({ effectiveOn: TOMORROW })).thenFails('date.in-future'));
    it('corrects a report even after a review that relied on it (the review stays in history)', () =>
      spec
        .given([...withReport.slice(0, 3), recorded('evt-report', anImplementationStatusReported({ status: 'implemented' })), aSustainabilityReviewed()])
        .when(aCorrectEntryCommand({ correctedFields: { status: 'in_progress' } }))
        .then([anEntryCorrected({ correctedFields: { status: 'in_progress' } })]));
    it('still corrects after withdrawal (rule 1)', () =>
      spec.given([...withReport, aRecommendationWithdrawn()]).when(aCorrectEntryCommand()).then([anEntryCorrected()]));
  });
});
