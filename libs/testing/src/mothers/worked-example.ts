import { recommendation } from './recommendation-history';

/** metrics.md "Worked example": cohort "8. BK", adopted 2018-11-20, asOf 2021-06-30. Fresh histories on each call. */
export function workedExample() {
  const adoptedOn = '2018-11-20';
  const asOf = '2021-06-30';
  const conferences = [
    { conferenceId: 'bk-8', number: 8, date: '2018-11-20' },
    { conferenceId: 'bk-9', number: 9, date: '2020-11-20' },
  ];
  const r1 = recommendation('R1', adoptedOn)
    .handOff('C1', '2019-01-15', '2019-06-30')
    .accept('C1', '2019-02-01')
    .report('C1', 'in_progress', '2019-06-01')
    .report('C1', 'implemented', '2019-10-15')
    .indicator('C1', 'i1', { direction: 'increase', baseline: 10, target: 30 }, '2019-10-15')
    .measure('C1', 'i1', 25, '2020-03-01')
    .review('2020-11-01', 'sustained', ['budget'])
    .outcomeReported('bk-9', '2020-11-20');
  const r2 = recommendation('R2', adoptedOn)
    .handOff('C2', '2019-04-10', '2019-12-31')
    .accept('C2', '2019-06-20')
    .report('C2', 'in_progress', '2019-09-01', '2020-03-01');
  const r3 = recommendation('R3', adoptedOn)
    .handOff('C1', '2019-02-01', '2019-12-31')
    .decline('C1', '2019-02-20')
    .handOff('C3', '2019-03-01', '2019-12-31')
    .accept('C3', '2019-03-10')
    .report('C3', 'partially_implemented', '2020-01-10')
    .review('2021-02-01', 'lapsed');
  const r4 = recommendation('R4', adoptedOn).withdraw('2019-05-01');
  const r5 = recommendation('R5', adoptedOn);
  return { asOf, conferences, histories: [r1, r2, r3, r4, r5] };
}
