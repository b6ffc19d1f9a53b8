import {
  COMMITTEE_ERRORS,
  committeeDecider,
  CONFERENCE_ERRORS,
  conferenceDecider,
  RECOMMENDATION_ERRORS,
  recommendationDecider,
  regionDecider,
  REGION_ERRORS,
  streamIdOf,
  type Decider,
} from '@app/domain';
import type { AggregateKind } from './derived-ids';

/** What the command pipeline needs to know about one kind of aggregate. */
export interface AggregateType<C, E, S> {
  kind: AggregateKind;
  decider: Decider<C, E, S>;
  streamId(id: string): string;
  /** The code and German message for "no such aggregate in this region". */
  notFound: { code: string; message: string };
}

const aggregate = <C, E, S>(type: AggregateType<C, E, S>) => type;

export const regionAggregate = aggregate({
  kind: 'region',
  decider: regionDecider,
  streamId: streamIdOf.region,
  notFound: { code: 'region.unknown', message: REGION_ERRORS['region.unknown'].message },
});

export const conferenceAggregate = aggregate({
  kind: 'conference',
  decider: conferenceDecider,
  streamId: streamIdOf.conference,
  notFound: { code: 'conference.not-scheduled', message: CONFERENCE_ERRORS['conference.not-scheduled'].message },
});

export const committeeAggregate = aggregate({
  kind: 'committee',
  decider: committeeDecider,
  streamId: streamIdOf.committee,
  notFound: { code: 'committee.not-registered', message: COMMITTEE_ERRORS['committee.not-registered'].message },
});

export const recommendationAggregate = aggregate({
  kind: 'recommendation',
  decider: recommendationDecider,
  streamId: streamIdOf.recommendation,
  notFound: { code: 'recommendation.not-adopted', message: RECOMMENDATION_ERRORS['recommendation.not-adopted'].message },
});
