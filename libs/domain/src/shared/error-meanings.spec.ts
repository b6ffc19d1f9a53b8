import { COMMITTEE_ERRORS, committeeError } from '../committee/errors';
import { CONFERENCE_ERRORS, conferenceError } from '../conference/errors';
import { RECOMMENDATION_ERRORS, recommendationError } from '../recommendation/errors';
import { REGION_ERRORS, regionError } from '../region/errors';
import type { DomainError } from './domain-error';

/**
 * Each code's meaning is written where the code is defined; this pins the not-found set (the API's
 * 404s), so moving a code between 404 and 409 is a visible, deliberate change.
 */
const every = [
  ...Object.keys(REGION_ERRORS).map((code) => regionError(code as keyof typeof REGION_ERRORS)),
  ...Object.keys(CONFERENCE_ERRORS).map((code) => conferenceError(code as keyof typeof CONFERENCE_ERRORS)),
  ...Object.keys(COMMITTEE_ERRORS).map((code) => committeeError(code as keyof typeof COMMITTEE_ERRORS)),
  ...Object.keys(RECOMMENDATION_ERRORS).map((code) => recommendationError(code as keyof typeof RECOMMENDATION_ERRORS)),
] as DomainError[];

describe('domain error codes carry their meaning', () => {
  it('the codes meaning "not found" are exactly the unknown-id codes', () => {
    const notFound = [...new Set(every.filter((e) => e.meaning === 'not_found').map((e) => e.code))].sort();
    expect(notFound).toEqual(
      [
        'adoption.committee-foreign',
        'adoption.conference-unknown',
        'committee.not-registered',
        'committee.successor-unknown',
        'conference.not-scheduled',
        'correction.unknown-event',
        'handoff.committee-unknown',
        'handoff.unknown',
        'measurement.unknown-indicator',
        'outcome.conference-unknown',
        'recommendation.not-adopted',
        'region.unknown',
        'supersede.successor-unknown',
      ].sort(),
    );
  });

  it('every other code is a broken rule, with a German message', () => {
    for (const error of every) {
      expect(['not_found', 'rule_broken']).toContain(error.meaning);
      expect(error.message).toMatch(/^[A-ZÄÖÜ„].+\.\)?$/);
    }
    expect(regionError('region.already-registered').meaning).toBe('rule_broken');
    expect(recommendationError('handoff.not-pending').meaning).toBe('rule_broken');
  });
});
