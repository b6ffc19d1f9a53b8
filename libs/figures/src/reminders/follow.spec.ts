import { concerns, digestSections, followedChanges, subjectOf, type Follower, type LogEvent } from './follow';

const REGION = 'region-a';
const at = (iso: string) => new Date(iso);
const follower = (targetType: Follower['targetType'], targetId: string, over: Partial<Follower> = {}): Follower => ({
  subscriptionId: `${targetType}-${targetId}`, regionId: REGION, targetType, targetId, mode: 'change', createdAt: at('2026-12-01T00:00:00Z'), ...over,
});
let n = 0;
const recEvent = (rec: string, type: string, data: Record<string, unknown> = {}, recordedAt = '2026-12-02T10:00:00Z'): LogEvent => ({
  id: `e${++n}`, streamId: `recommendation-${rec}`, type, data: { recommendationId: rec, regionId: REGION, ...data }, recordedAt: at(recordedAt),
});

describe('which changes concern a subscription', () => {
  const conferenceOf = (id: string) => ({ R1: 'K9', R2: 'K8' })[id];

  it('a recommendation: every event of its stream, nothing of another', () => {
    const f = follower('recommendation', 'R1');
    const events = [recEvent('R1', 'RecommendationAmended'), recEvent('R2', 'RecommendationAmended'), recEvent('R1', 'ImplementationStatusReported', { committeeId: 'C1' })];
    expect(followedChanges([f], events, conferenceOf).map((c) => c.event.id)).toEqual([events[0]!.id, events[2]!.id]);
  });

  it('a committee: the events naming it (hand-offs, answers, reports) and its own stream, not the others of the recommendation', () => {
    const f = follower('committee', 'C1');
    const events = [
      recEvent('R1', 'RecommendationHandedOff', { committeeId: 'C1' }),
      recEvent('R1', 'RecommendationHandedOff', { committeeId: 'C2' }),
      recEvent('R1', 'RecommendationAmended'),
      { id: 'c1', streamId: 'committee-C1', type: 'CommitteeRenamed', data: { committeeId: 'C1', regionId: REGION }, recordedAt: at('2026-12-02T10:00:00Z') },
    ];
    expect(followedChanges([f], events, conferenceOf).map((c) => c.event.id)).toEqual([events[0]!.id, 'c1']);
  });

  it('a conference: the events of its recommendations, the conference learned from an adoption in the same batch', () => {
    const f = follower('conference', 'K10');
    const events = [
      recEvent('R9', 'RecommendationAdopted', { conferenceId: 'K10' }),
      recEvent('R9', 'RecommendationHandedOff', { committeeId: 'C1' }),
      recEvent('R1', 'RecommendationHandedOff', { committeeId: 'C1' }),
      { id: 'k', streamId: 'conference-K10', type: 'ConferenceHeld', data: { conferenceId: 'K10', regionId: REGION }, recordedAt: at('2026-12-02T10:00:00Z') },
    ];
    expect(followedChanges([f], events, conferenceOf).map((c) => c.event.id)).toEqual([events[0]!.id, events[1]!.id]);
  });

  it('never another region, never an event recorded before the subscription', () => {
    const f = follower('recommendation', 'R1');
    const foreign = { ...recEvent('R1', 'RecommendationAmended'), data: { recommendationId: 'R1', regionId: 'region-b' } };
    const old = recEvent('R1', 'RecommendationAmended', {}, '2026-11-30T23:59:59Z');
    expect(concerns(f, foreign, subjectOf(foreign, conferenceOf))).toBe(false);
    expect(concerns(f, old, subjectOf(old, conferenceOf))).toBe(false);
  });

  it('an event of unknown shape concerns nobody instead of throwing', () => {
    const odd: LogEvent = { id: 'x', streamId: 'recommendation-R1', type: 'Odd', data: null, recordedAt: at('2026-12-02T10:00:00Z') };
    expect(subjectOf(odd, conferenceOf)).toEqual({ regionId: undefined, recommendationId: 'R1', conferenceId: 'K9' });
    expect(followedChanges([follower('recommendation', 'R1')], [odd], conferenceOf)).toEqual([]);
  });
});

describe('the digest', () => {
  it('groups by recommendation in the order of the first change, each section by record time', () => {
    const note = (eventId: string, rec: string | undefined, recordedAt: string, heading = `H${rec}`) => ({ eventId, ...(rec ? { recommendationId: rec } : {}), heading, sentence: `S${eventId}`, recordedAt });
    const sections = digestSections([
      note('3', 'R2', '2026-12-02T12:00:00Z'),
      note('1', 'R1', '2026-12-02T09:00:00Z'),
      note('4', undefined, '2026-12-02T13:00:00Z', 'Gremium „A“'),
      note('2', 'R1', '2026-12-02T15:00:00Z'),
    ]);
    expect(sections.map((s) => [s.heading, s.changes.map((c) => c.eventId)])).toEqual([['HR1', ['1', '2']], ['HR2', ['3']], ['Gremium „A“', ['4']]]);
  });
});
