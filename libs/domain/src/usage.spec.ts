/**
 * How a command handler uses the domain, as compiled and tested code (README.md points here):
 * load the stream, fold it with the event ids, resolve cross-stream facts into the command's
 * context, check the role, decide, and append what decide returned.
 */
import { aCommitteeMember, aRecommendationAdopted, aRecommendationHandedOff, ID, NOW } from '@app/testing';
import {
  fold,
  isDomainError,
  mayIssue,
  recommendationDecider,
  streamIdOf,
  type AcceptHandOff,
  type RecommendationEvent,
} from './index';

/** What the event store hands back (RecordedEvent), reduced to what the domain needs. */
type Stored = { id: string; type: string; data: unknown };

function acceptHandOff(stored: Stored[], command: AcceptHandOff) {
  if (!mayIssue(command.meta.actor, command)) return { status: 403 as const };
  const state = fold(
    recommendationDecider,
    stored.map((e) => ({ eventId: e.id, event: { type: e.type, data: e.data } as RecommendationEvent })),
  );
  const decision = recommendationDecider.decide(command, state);
  if (isDomainError(decision)) return { status: 409 as const, code: decision.code, detail: decision.message };
  // The handler appends `decision` to streamIdOf.recommendation(id), each with a new eventId and
  // metadata (actor with onBehalfOf when the office acts for a committee, commandId, recordedAt ...).
  return { status: 201 as const, stream: streamIdOf.recommendation(command.data.recommendationId), events: decision };
}

describe('a handler using the recommendation decider', () => {
  const stored: Stored[] = [
    { id: 'e-1', ...aRecommendationAdopted() },
    { id: 'e-2', ...aRecommendationHandedOff() },
  ];
  const accept = (actorCommittees: string[]): AcceptHandOff => ({
    type: 'AcceptHandOff',
    data: { recommendationId: ID.recommendation, committeeId: ID.committee, on: '2026-04-20' },
    meta: { now: NOW, actor: aCommitteeMember(actorCommittees) },
  });

  it('answers 201 with the events to append', () =>
    expect(acceptHandOff(stored, accept([ID.committee]))).toMatchObject({
      status: 201,
      stream: `recommendation-${ID.recommendation}`,
      events: [{ type: 'HandOffAccepted', data: { committeeId: ID.committee, on: '2026-04-20' } }],
    }));
  it('answers 403 when the role may not issue the command', () => expect(acceptHandOff(stored, accept([ID.otherCommittee]))).toEqual({ status: 403 }));
  it('answers 409 with the rule’s code when decide refuses', () =>
    expect(acceptHandOff(stored.slice(0, 1), accept([ID.committee]))).toMatchObject({ status: 409, code: 'handoff.unknown' }));
});
