import {
  aCommitteeMember,
  aHandOffAccepted,
  aHandOffDeclined,
  aHandOffWithdrawn,
  anImplementationStatusReported,
  anImplementationVerified,
  anOffice,
  aRecommendationAdopted,
  aRecommendationHandedOff,
  aRecommendationSuperseded,
  aRecommendationWithdrawn,
  aReportDueDateRevised,
  aReportStatusCommand,
  aReviseDueDateCommand,
  aVerifyCommand,
  DeciderSpecification,
  ID,
  TOMORROW,
} from '@app/testing';
import { recommendationDecider } from './decider';

const spec = DeciderSpecification.for(recommendationDecider);
const adopted = aRecommendationAdopted();
const handedOff = aRecommendationHandedOff();
const accepted = aHandOffAccepted();
const withAccepted = [adopted, handedOff, accepted];
// Reported implemented on 2026-06-15 with one piece of evidence ("Konzeptpapier").
const claimed = [...withAccepted, anImplementationStatusReported({ status: 'implemented', progressPercent: 100, nextReportDueOn: undefined })];
const returned = [...claimed, anImplementationVerified({ outcome: 'returned', note: 'Nachweis fehlt', verifiedOn: '2026-07-01' })];

describe('ReviseReportDueDate (rule 10)', () => {
  it('records the revision of an accepted assignment', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand()).then([aReportDueDateRevised()]));
  it('records it for a pending assignment, too (active)', () =>
    spec.given([adopted, handedOff]).when(aReviseDueDateCommand()).then([aReportDueDateRevised()]));
  it('lets the office revise on the steering group’s behalf', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({}, { actor: anOffice() })).then([aReportDueDateRevised()]));
  it('accepts a new due date on the day of the decision', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({ newDueOn: '2026-09-01' })).then([aReportDueDateRevised({ newDueOn: '2026-09-01' })]));
  it('refuses a withdrawn recommendation', () =>
    spec.given([...withAccepted, aRecommendationWithdrawn()]).when(aReviseDueDateCommand()).thenFails('due-date-revision.recommendation-retired', { terminal: 'withdrawn' }));
  it('refuses a superseded recommendation', () =>
    spec.given([...withAccepted, aRecommendationSuperseded()]).when(aReviseDueDateCommand()).thenFails('due-date-revision.recommendation-retired', { terminal: 'superseded' }));
  it('refuses a declined assignment', () =>
    spec.given([adopted, handedOff, aHandOffDeclined()]).when(aReviseDueDateCommand()).thenFails('due-date-revision.assignment-inactive', { status: 'declined' }));
  it('refuses a withdrawn assignment', () =>
    spec.given([...withAccepted, aHandOffWithdrawn()]).when(aReviseDueDateCommand()).thenFails('due-date-revision.assignment-inactive', { status: 'withdrawn' }));
  it('refuses a committee without a hand-off', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({ committeeId: ID.otherCommittee })).thenFails('due-date-revision.assignment-inactive', { status: 'none' }));
  it('refuses a blank reason', () => spec.given(withAccepted).when(aReviseDueDateCommand({ reason: '   ' })).thenFails('due-date-revision.reason-required'));
  it('refuses a new due date before the decision', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({ newDueOn: '2026-08-31' })).thenFails('due-date-revision.due-before-decision', { newDueOn: '2026-08-31', decidedOn: '2026-09-01' }));
  it('refuses a decision before the hand-off’s decision', () =>
    spec
      .given(withAccepted)
      .when(aReviseDueDateCommand({ decidedOn: '2026-04-01' }))
      .thenFails('due-date-revision.before-handoff', { decidedOn: '2026-04-01', handOffDecidedOn: '2026-04-02' }));
  it('refuses a decision in the future', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({ decidedOn: TOMORROW, newDueOn: '2027-01-31' })).thenFails('date.in-future', { field: 'decidedOn' }));
  it('refuses a malformed new due date', () =>
    spec.given(withAccepted).when(aReviseDueDateCommand({ newDueOn: '2026-02-30' })).thenFails('date.invalid', { field: 'newDueOn' }));
});

describe('VerifyImplementation (rule 11)', () => {
  it('confirms a claim', () => spec.given(claimed).when(aVerifyCommand()).then([anImplementationVerified()]));
  it('confirms a partial claim', () =>
    spec.given([...withAccepted, anImplementationStatusReported({ status: 'partially_implemented' })]).when(aVerifyCommand()).then([anImplementationVerified()]));
  it('confirms on the same day as the report', () =>
    spec.given(claimed).when(aVerifyCommand({ verifiedOn: '2026-06-15' })).then([anImplementationVerified({ verifiedOn: '2026-06-15' })]));
  it('returns a claim with a note (trimmed)', () =>
    spec
      .given(claimed)
      .when(aVerifyCommand({ outcome: 'returned', note: '  Nachweis fehlt ', evidenceChecked: [] }))
      .then([anImplementationVerified({ outcome: 'returned', note: 'Nachweis fehlt', evidenceChecked: [] })]));
  it('lets the office verify what a committee member reported', () =>
    spec.given(claimed).when(aVerifyCommand({}, { actor: anOffice() })).then([anImplementationVerified()]));
  it('accepts the evidence by its url', () =>
    spec
      .given(claimed)
      .when(aVerifyCommand({ evidenceChecked: ['https://example.org/konzept.pdf'] }))
      .then([anImplementationVerified({ evidenceChecked: ['https://example.org/konzept.pdf'] })]));

  it('refuses without a claim: only in progress', () =>
    spec.given([...withAccepted, anImplementationStatusReported()]).when(aVerifyCommand()).thenFails('verification.no-current-claim', { status: 'in_progress' }));
  it('refuses without any report', () => spec.given(withAccepted).when(aVerifyCommand()).thenFails('verification.no-current-claim', { status: 'none' }));
  it('refuses a not_implemented report (no claim)', () =>
    spec
      .given([...withAccepted, anImplementationStatusReported({ status: 'not_implemented', reason: 'kein Geld' })])
      .when(aVerifyCommand())
      .thenFails('verification.no-current-claim', { status: 'not_implemented' }));
  it('refuses a returned claim (it counts as withdrawn)', () => spec.given(returned).when(aVerifyCommand()).thenFails('verification.no-current-claim'));
  it('refuses the claim of a withdrawn assignment', () =>
    spec.given([...claimed, aHandOffWithdrawn()]).when(aVerifyCommand()).thenFails('verification.no-current-claim'));
  it('verifies a claim at most once', () =>
    spec.given([...claimed, anImplementationVerified()]).when(aVerifyCommand({ outcome: 'returned', note: 'doch nicht' })).thenFails('verification.already-verified'));
  it('verifies the new claim after a return and a new report', () =>
    spec
      .given([...returned, anImplementationStatusReported({ status: 'implemented', reportedOn: '2026-08-01', nextReportDueOn: undefined })])
      .when(aVerifyCommand({ verifiedOn: '2026-08-02' }))
      .then([anImplementationVerified({ verifiedOn: '2026-08-02' })]));
  it('refuses a member of the reporting committee (four eyes)', () =>
    spec
      .given(claimed)
      .when(aVerifyCommand({}, { actor: { ...aCommitteeMember(), role: 'steering' } }))
      .thenFails('verification.by-reporting-committee'));
  it('refuses the office acting on the reporting committee’s behalf', () =>
    spec.given(claimed).when(aVerifyCommand({}, { actor: anOffice({ onBehalfOf: ID.committee }) })).thenFails('verification.by-reporting-committee'));
  it('refuses the account that recorded the claim', () =>
    spec.given(claimed).when(aVerifyCommand({}, { actor: anOffice(), context: { claimReportedBy: ID.officeUser } })).thenFails('verification.by-reporting-committee'));
  it('refuses returned without a note', () =>
    spec.given(claimed).when(aVerifyCommand({ outcome: 'returned', note: ' ' })).thenFails('verification.note-required'));
  it('refuses returned with no note at all', () => spec.given(claimed).when(aVerifyCommand({ outcome: 'returned' })).thenFails('verification.note-required'));
  it('refuses a verification before the claim’s report', () =>
    spec.given(claimed).when(aVerifyCommand({ verifiedOn: '2026-06-14' })).thenFails('verification.before-claim', { verifiedOn: '2026-06-14', reportedOn: '2026-06-15' }));
  it('refuses a verification in the future', () => spec.given(claimed).when(aVerifyCommand({ verifiedOn: TOMORROW })).thenFails('date.in-future', { field: 'verifiedOn' }));
  it('refuses evidence the report does not name', () =>
    spec.given(claimed).when(aVerifyCommand({ evidenceChecked: ['Konzeptpapier', 'Protokoll'] })).thenFails('verification.evidence-unknown', { unknown: ['Protokoll'] }));
});

describe('reporting again after a return', () => {
  it('lets the committee report again from the day of the return on', () =>
    spec
      .given(returned)
      .when(aReportStatusCommand({ status: 'implemented', reportedOn: '2026-07-01', nextReportDueOn: undefined }))
      .then([anImplementationStatusReported({ status: 'implemented', reportedOn: '2026-07-01', nextReportDueOn: undefined })]));
  it('refuses a report dated before the return', () =>
    spec
      .given(returned)
      .when(aReportStatusCommand({ status: 'implemented', reportedOn: '2026-06-30', nextReportDueOn: undefined }))
      .thenFails('status.before-return', { reportedOn: '2026-06-30', returnedOn: '2026-07-01' }));
});
