import { ProblemException } from '../../http/problem.exception';
import { QueryReader } from './query-params';

const fieldsOf = (run: () => void): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return (error.problem.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
};

describe('query parameters of the views', () => {
  const now = new Date('2021-06-30T22:30:00Z'); // already 1 July in Berlin

  it('defaults asOf to today in Berlin and knownAt to "everything recorded"', () => {
    const q = new QueryReader({});
    expect(q.timePoint(now)).toEqual({ asOf: '2021-07-01' });
  });

  it('reads asOf as a calendar day and knownAt as an instant with zone', () => {
    const q = new QueryReader({ asOf: '2019-09-14', knownAt: '2019-09-14T12:00:00+02:00' });
    expect(q.timePoint(now)).toEqual({ asOf: '2019-09-14', knownAt: new Date('2019-09-14T10:00:00Z') });
  });

  it.each([
    [{ asOf: '2019-02-29' }, ['asOf']],
    [{ knownAt: '2019-09-14' }, ['knownAt']],
    [{ knownAt: '2019-13-14T12:00:00Z' }, ['knownAt']],
    [{ asOf: ['2019-01-01', '2019-01-02'] }, ['asOf']],
    [{ asOf: 'x', knownAt: 'y', extra: '1' }, ['asOf', 'knownAt', 'extra']],
  ])('refuses %j naming %j', (raw, fields) => {
    expect(fieldsOf(() => {
      const q = new QueryReader(raw as Record<string, unknown>);
      q.timePoint(now);
      q.done();
    })).toEqual(fields);
  });

  it('reads cohorts conference:<uuid> and year:<yyyy>', () => {
    const id = '0b4c6a8e-7f0e-4c4e-9d2a-1e5f3b9c2a11';
    expect(new QueryReader({ cohort: `conference:${id.toUpperCase()}` }).cohort()).toEqual({ conferenceId: id });
    expect(new QueryReader({ cohort: 'year:2019' }).cohort()).toEqual({ year: 2019 });
    const q = new QueryReader({ cohort: 'year:19' });
    expect(q.cohort()).toBeUndefined();
    expect(q.errors.map((e) => e.field)).toEqual(['cohort']);
  });

  it('takes figure parameter overrides within bounds', () => {
    expect(new QueryReader({ handoffDays: '60', reviewMonths: '18' }).figureParams()).toEqual({ handoffDays: 60, reviewMonths: 18 });
    const q = new QueryReader({ implementationMonths: '0', stallDays: '1.5' });
    q.figureParams();
    expect(q.errors.map((e) => e.field)).toEqual(['implementationMonths', 'stallDays']);
  });
});
