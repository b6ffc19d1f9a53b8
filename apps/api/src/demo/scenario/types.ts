import type {
  Anchoring,
  CalendarDate,
  CommitteeKind,
  ConferenceKind,
  CorrectableEventType,
  ImplementationStatus,
  IndicatorDirection,
  SustainabilityOutcome,
} from '@app/domain';

/**
 * The demo scenario as plain data. Keys are stable names (ids are derived from them), dates are
 * business dates. The seeder turns every entry into the real command, issued by a plausible actor.
 */
export interface DemoRegion {
  name: string;
  contractSignedOn: CalendarDate;
}

export interface DemoCommittee {
  key: string;
  name: string;
  shortName: string;
  kind: CommitteeKind;
  fieldsOfAction: string[];
  registeredOn: CalendarDate;
}

export interface DemoConference {
  key: string;
  number: number;
  kind: ConferenceKind;
  title: string;
  motto?: string;
  topics: string[];
  /** When the office put it in the calendar (the event's effectiveOn). */
  scheduledOn: CalendarDate;
  plannedDate: CalendarDate;
  reschedule?: { on: CalendarDate; date: CalendarDate; reason: string };
  heldOn: CalendarDate;
}

/** A step in a recommendation's life. `label` names it for a later correction. */
export type DemoStep = { label?: string } & (
  | { do: 'handOff'; committee: string; decidedOn: CalendarDate; reportDueOn: CalendarDate; mandate: string; decisionReference?: string }
  | { do: 'accept'; committee: string; on: CalendarDate; contact?: string; byOffice?: true }
  | { do: 'decline'; committee: string; on: CalendarDate; reason: string; byOffice?: true }
  | { do: 'withdrawHandOff'; committee: string; on: CalendarDate; reason: string }
  | {
      do: 'report';
      committee: string;
      on: CalendarDate;
      status: ImplementationStatus;
      progress?: number;
      summary: string;
      reason?: string;
      evidence?: { title: string; url: string }[];
      nextDue?: CalendarDate;
      byOffice?: true;
    }
  | {
      do: 'indicator';
      committee: string;
      indicator: string;
      on: CalendarDate;
      name: string;
      unit: string;
      direction: IndicatorDirection;
      baseline: { value: number; on: CalendarDate };
      target: { value: number; dueOn: CalendarDate };
      source: string;
      byOffice?: true;
    }
  | { do: 'measure'; committee: string; indicator: string; on: CalendarDate; value: number; source: string; note?: string; byOffice?: true }
  | { do: 'review'; on: CalendarDate; outcome: SustainabilityOutcome; anchoring: Anchoring[]; note: string }
  | { do: 'outcome'; conference: string; on: CalendarDate; summary: string }
  | { do: 'amend'; on: CalendarDate; reason: string; title?: string; text?: string; fieldsOfAction?: string[] }
  | { do: 'withdraw'; on: CalendarDate; reason: string }
  | { do: 'supersede'; on: CalendarDate; successor: string; reason: string }
  | { do: 'correct'; on: CalendarDate; of: string; type: CorrectableEventType; fields: Record<string, unknown>; reason: string }
  | { do: 'revise'; committee: string; on: CalendarDate; newDueOn: CalendarDate; reason: string }
  | { do: 'verify'; committee: string; on: CalendarDate; outcome: 'confirmed' | 'returned'; note?: string; evidenceChecked?: string[] }
);

export type DemoStepKind = DemoStep['do'];

export interface DemoRecommendation {
  key: string;
  conference: string;
  reference: string;
  title: string;
  text: string;
  fieldsOfAction: string[];
  addressees: { committees: string[]; decisionMakers: string[] };
  origin: string[];
  adoptedOn: CalendarDate;
  story: DemoStep[];
}

/** The business date a step is issued on. */
export function dateOfStep(step: DemoStep): CalendarDate {
  switch (step.do) {
    case 'handOff':
      return step.decidedOn;
    case 'accept':
    case 'decline':
    case 'withdrawHandOff':
    case 'report':
    case 'indicator':
    case 'measure':
    case 'review':
    case 'outcome':
    case 'amend':
    case 'withdraw':
    case 'supersede':
    case 'correct':
    case 'revise':
    case 'verify':
      return step.on;
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}
