import { ReviseReportDueDateCommand } from '../recommendations/revise-due-date/revise-due-date.handler';
import { VerifyImplementationCommand } from '../recommendations/verify-implementation/verify-implementation.handler';
import type { Command } from '@nestjs/cqrs';
import type { Actor, CalendarDate } from '@app/domain';
import type { CommandOutcome } from '../command-pipeline/command-request';
import { eventIdFor } from '../command-pipeline/derived-ids';
import { systemRequest } from '../command-pipeline/system-request';
import { RegisterCommitteeCommand } from '../committees/register-committee/register-committee.handler';
import { HoldConferenceCommand } from '../conferences/hold-conference/hold-conference.handler';
import { RescheduleConferenceCommand } from '../conferences/reschedule-conference/reschedule-conference.handler';
import { ScheduleConferenceCommand } from '../conferences/schedule-conference/schedule-conference.handler';
import { AcceptHandOffCommand } from '../recommendations/accept-hand-off/accept-hand-off.handler';
import { AdoptRecommendationCommand } from '../recommendations/adopt/adopt.handler';
import { AmendRecommendationCommand } from '../recommendations/amend/amend.handler';
import { CorrectEntryCommand, type CorrectEntryData } from '../recommendations/correct-entry/correct-entry.handler';
import { DeclineHandOffCommand } from '../recommendations/decline-hand-off/decline-hand-off.handler';
import { DefineImpactIndicatorCommand } from '../recommendations/define-indicator/define-indicator.handler';
import { HandOffRecommendationCommand } from '../recommendations/hand-off/hand-off.handler';
import { RecordImpactMeasurementCommand } from '../recommendations/record-measurement/record-measurement.handler';
import { ReportOutcomeToConferenceCommand } from '../recommendations/report-outcome/report-outcome.handler';
import { ReportImplementationStatusCommand } from '../recommendations/report-status/report-status.handler';
import { ReviewSustainabilityCommand } from '../recommendations/review-sustainability/review-sustainability.handler';
import { SupersedeRecommendationCommand } from '../recommendations/supersede/supersede.handler';
import { WithdrawHandOffCommand } from '../recommendations/withdraw-hand-off/withdraw-hand-off.handler';
import { WithdrawRecommendationCommand } from '../recommendations/withdraw/withdraw.handler';
import { RegisterRegionCommand } from '../regions/register-region/register-region.handler';
import { demoActors } from './demo-actors';
import {
  DEMO_REGION_ID,
  demoCommitteeId,
  demoConferenceId,
  demoIndicatorId,
  demoKey,
  demoRecommendationId,
} from './demo-ids';
import {
  dateOfStep,
  DEMO_COMMITTEES,
  DEMO_CONFERENCES,
  DEMO_RECOMMENDATIONS,
  DEMO_REGION,
  type DemoConference,
  type DemoRecommendation,
  type DemoStep,
} from './scenario';

/** One command of the demo, ready for the CommandBus, with the business date it belongs to. */
export interface PlannedCommand {
  on: CalendarDate;
  /** The idempotency key: a re-run is answered from the stream instead of writing again. */
  key: string;
  actor: Actor;
  /** The conference this command holds, for the progress output. */
  holds?: DemoConference;
  command: Command<CommandOutcome>;
}

const request = (key: string, actor: Actor, correlationId: string) =>
  systemRequest({ regionId: DEMO_REGION_ID, actor, idempotencyKey: key, correlationId });

function planned(on: CalendarDate, key: string, actor: Actor, correlationId: string, make: (r: ReturnType<typeof request>) => Command<CommandOutcome>, holds?: DemoConference): PlannedCommand {
  return { on, key, actor, command: make(request(key, actor, correlationId)), ...(holds ? { holds } : {}) };
}

function planSetup(): PlannedCommand[] {
  const office = demoActors.office();
  const commands: PlannedCommand[] = [
    planned(DEMO_REGION.contractSignedOn, demoKey.region(), office, 'demo:setup', (r) =>
      new RegisterRegionCommand(DEMO_REGION_ID, { name: DEMO_REGION.name, contractSignedOn: DEMO_REGION.contractSignedOn }, r),
    ),
  ];
  for (const c of DEMO_COMMITTEES) {
    commands.push(
      planned(c.registeredOn, demoKey.committee(c.key), office, 'demo:setup', (r) =>
        new RegisterCommitteeCommand(demoCommitteeId(c.key), { name: c.name, shortName: c.shortName, kind: c.kind, fieldsOfAction: c.fieldsOfAction, effectiveOn: c.registeredOn }, r),
      ),
    );
  }
  for (const c of DEMO_CONFERENCES) {
    const id = demoConferenceId(c.key);
    const correlation = `demo:conference:${c.key}`;
    commands.push(
      planned(c.scheduledOn, demoKey.conference(c.key, 'schedule'), office, correlation, (r) =>
        new ScheduleConferenceCommand(id, {
          number: c.number, kind: c.kind, title: c.title, ...(c.motto ? { motto: c.motto } : {}), date: c.plannedDate, topics: c.topics, effectiveOn: c.scheduledOn,
        }, r),
      ),
    );
    const reschedule = c.reschedule;
    if (reschedule) {
      commands.push(
        planned(reschedule.on, demoKey.conference(c.key, 'reschedule'), office, correlation, (r) =>
          new RescheduleConferenceCommand(id, { date: reschedule.date, reason: reschedule.reason, effectiveOn: reschedule.on }, r),
        ),
      );
    }
    commands.push(planned(c.heldOn, demoKey.conference(c.key, 'hold'), office, correlation, (r) => new HoldConferenceCommand(id, { heldOn: c.heldOn }, r), c));
  }
  return commands;
}

/** The recommendation's adoption and every step of its story, each by the actor who would do it. */
export function planRecommendation(rec: DemoRecommendation): PlannedCommand[] {
  const id = demoRecommendationId(rec.key);
  const correlation = `demo:recommendation:${rec.key}`;
  const labels = new Map<string, string>();
  const adoption = planned(rec.adoptedOn, demoKey.adoption(rec.key), demoActors.office(), correlation, (r) =>
    new AdoptRecommendationCommand(id, {
      conferenceId: demoConferenceId(rec.conference),
      reference: rec.reference,
      title: rec.title,
      text: rec.text,
      fieldsOfAction: rec.fieldsOfAction,
      addressees: { committeeIds: rec.addressees.committees.map(demoCommitteeId), decisionMakers: rec.addressees.decisionMakers },
      originCommitteeIds: rec.origin.map(demoCommitteeId),
      adoptedOn: rec.adoptedOn,
    }, r),
  );
  const steps = rec.story.map((step, index) => {
    const key = demoKey.step(rec.key, index, step.do);
    // Each demo command writes one event, so its id follows from the key alone.
    if (step.label) labels.set(step.label, eventIdFor(DEMO_REGION_ID, key, 0));
    const actor = demoActorFor(step);
    return planned(dateOfStep(step), key, actor, correlation, (r) => commandOf(id, rec, step, labels, r));
  });
  return [adoption, ...steps];
}

function demoActorFor(step: DemoStep): Actor {
  switch (step.do) {
    case 'accept':
    case 'decline':
    case 'report':
    case 'indicator':
    case 'measure':
      return step.byOffice ? demoActors.officeFor(step.committee) : demoActors.member(step.committee);
    case 'handOff':
    case 'withdrawHandOff':
    case 'review':
    case 'withdraw':
    case 'supersede':
    case 'revise':
    case 'verify':
      return demoActors.steering();
    case 'outcome':
    case 'amend':
    case 'correct':
      return demoActors.office();
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}

function commandOf(
  id: string,
  rec: DemoRecommendation,
  step: DemoStep,
  labels: ReadonlyMap<string, string>,
  r: ReturnType<typeof request>,
): Command<CommandOutcome> {
  switch (step.do) {
    case 'handOff':
      return new HandOffRecommendationCommand(id, {
        committeeId: demoCommitteeId(step.committee), mandate: step.mandate, reportDueOn: step.reportDueOn, decidedOn: step.decidedOn,
        ...(step.decisionReference ? { decisionReference: step.decisionReference } : {}),
      }, r);
    case 'accept':
      return new AcceptHandOffCommand(id, { committeeId: demoCommitteeId(step.committee), on: step.on, ...(step.contact ? { contact: step.contact } : {}) }, r);
    case 'decline':
      return new DeclineHandOffCommand(id, { committeeId: demoCommitteeId(step.committee), on: step.on, reason: step.reason }, r);
    case 'withdrawHandOff':
      return new WithdrawHandOffCommand(id, { committeeId: demoCommitteeId(step.committee), reason: step.reason, effectiveOn: step.on }, r);
    case 'report':
      return new ReportImplementationStatusCommand(id, {
        committeeId: demoCommitteeId(step.committee),
        status: step.status,
        ...(step.progress !== undefined ? { progressPercent: step.progress } : {}),
        summary: step.summary,
        ...(step.reason ? { reason: step.reason } : {}),
        evidence: step.evidence ?? [],
        reportedOn: step.on,
        ...(step.nextDue ? { nextReportDueOn: step.nextDue } : {}),
      }, r);
    case 'indicator':
      return new DefineImpactIndicatorCommand(id, {
        committeeId: demoCommitteeId(step.committee), indicatorId: demoIndicatorId(rec.key, step.indicator), name: step.name, unit: step.unit,
        direction: step.direction, baseline: step.baseline, target: step.target, source: step.source, effectiveOn: step.on,
      }, r);
    case 'measure':
      return new RecordImpactMeasurementCommand(id, {
        committeeId: demoCommitteeId(step.committee), indicatorId: demoIndicatorId(rec.key, step.indicator), value: step.value, measuredOn: step.on,
        source: step.source, ...(step.note ? { note: step.note } : {}),
      }, r);
    case 'review':
      return new ReviewSustainabilityCommand(id, { reviewedOn: step.on, outcome: step.outcome, anchoring: step.anchoring, note: step.note }, r);
    case 'outcome':
      return new ReportOutcomeToConferenceCommand(id, { conferenceId: demoConferenceId(step.conference), summary: step.summary, effectiveOn: step.on }, r);
    case 'amend':
      return new AmendRecommendationCommand(id, {
        reason: step.reason, effectiveOn: step.on,
        ...(step.title ? { title: step.title } : {}), ...(step.text ? { text: step.text } : {}), ...(step.fieldsOfAction ? { fieldsOfAction: step.fieldsOfAction } : {}),
      }, r);
    case 'withdraw':
      return new WithdrawRecommendationCommand(id, { reason: step.reason, effectiveOn: step.on }, r);
    case 'supersede':
      return new SupersedeRecommendationCommand(id, { successorId: demoRecommendationId(step.successor), reason: step.reason, effectiveOn: step.on }, r);
    case 'revise':
      return new ReviseReportDueDateCommand(id, { committeeId: demoCommitteeId(step.committee), newDueOn: step.newDueOn, reason: step.reason, decidedOn: step.on }, r);
    case 'verify':
      return new VerifyImplementationCommand(id, {
        committeeId: demoCommitteeId(step.committee), outcome: step.outcome, verifiedOn: step.on, evidenceChecked: step.evidenceChecked ?? [], ...(step.note ? { note: step.note } : {}),
      }, r);
    case 'correct': {
      const correctsEventId = labels.get(step.of);
      if (!correctsEventId) throw new Error(`Demo scenario: ${rec.key} corrects unknown step "${step.of}"`);
      const data = { correctsEventId, correctedEventType: step.type, correctedFields: step.fields, reason: step.reason, effectiveOn: step.on } as CorrectEntryData;
      return new CorrectEntryCommand(id, data, r);
    }
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}

/**
 * The whole demo in the order it happened: sorted by business date (stable, so a conference is
 * held before its recommendations are recorded, and a story's steps keep their order).
 */
export function demoPlan(): PlannedCommand[] {
  const [region, ...setup] = planSetup();
  const rest = [...setup, ...DEMO_RECOMMENDATIONS.flatMap(planRecommendation)];
  return [region!, ...rest.map((p, i) => ({ p, i })).sort((a, b) => (a.p.on < b.p.on ? -1 : a.p.on > b.p.on ? 1 : a.i - b.i)).map(({ p }) => p)];
}
