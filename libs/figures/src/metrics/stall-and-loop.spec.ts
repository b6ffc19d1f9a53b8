import { recommendation } from '@app/testing/mothers/recommendation-history';
import { loopClosureRate } from './loop-closure';
import { withDefaults, type FigureParams } from './params';
import type { ConferenceFacts, FigureContext } from './scope';
import { stallRate } from './stall';

const ids = (items: { recommendationId: string }[]) => items.map((i) => i.recommendationId);

describe('stallRate', () => {
  const ctx = (asOf: string, params: Partial<FigureParams> = {}): FigureContext => ({ asOf, params: withDefaults(params) });
  // 2019-06-01 + 180 days = 2019-11-28; asOf 2019-11-29 makes an event of 2019-06-01 181 days old.
  const asOf = '2019-11-29';

  it('base: adopted, handed off, in progress; counted: no event within the 180 days before asOf', () => {
    const facts = [
      recommendation('A', '2019-06-01').factsAt(asOf), // adopted, 181 days silent
      recommendation('B', '2019-06-02').factsAt(asOf), // adopted, 180 days: not stalled
      recommendation('C', '2019-01-01').handOff('C1', '2019-06-01').factsAt(asOf), // handed off, silent
      recommendation('D', '2019-01-01').handOff('C1', '2019-01-02').accept('C1', '2019-01-03').report('C1', 'implemented', '2019-02-01').factsAt(asOf),
      recommendation('E', '2019-01-01').withdraw('2019-02-01').factsAt(asOf),
      recommendation('F', '2019-01-01').handOff('C1', '2019-01-02').decline('C1', '2019-01-03').factsAt(asOf),
    ];
    const rate = stallRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(ids(rate.counted)).toEqual(['A', 'C']);
    expect(rate.counted[0]).toMatchObject({ lastEventOn: '2019-06-01' });
  });

  it('takes the silent days as a parameter and is null without open recommendations', () => {
    const f = recommendation('A', '2019-06-01').factsAt(asOf);
    expect(stallRate([f], ctx(asOf, { stallDays: 181 })).value).toBe(0);
    expect(stallRate([], ctx(asOf)).value).toBeNull();
  });
});

describe('loopClosureRate', () => {
  const conferences: ConferenceFacts[] = [
    { conferenceId: 'bk-8', number: 8, date: '2018-11-20' },
    { conferenceId: 'bk-9', number: 9, date: '2019-11-20' },
    // A Tag der Bildung has its own numbering: number 2, but later than the 8. BK.
    { conferenceId: 'tdb-2', number: 2, date: '2019-05-15' },
    { conferenceId: 'bk-7', number: 7, date: '2017-11-20' },
  ];
  const asOf = '2020-12-31';
  const ctx: FigureContext = { asOf, params: withDefaults(), conferences };
  const adopted = (id: string) => recommendation(id, '2018-11-20', { conferenceId: 'bk-8' });

  it('counts an outcome reported to a conference dated after the adopting one, whatever its number', () => {
    const facts = [
      adopted('A').outcomeReported('bk-9', '2019-11-20').factsAt(asOf),
      adopted('B').outcomeReported('tdb-2', '2019-05-15').factsAt(asOf),
      adopted('C').outcomeReported('bk-8', '2018-12-01').factsAt(asOf), // the same conference
      adopted('D').outcomeReported('bk-7', '2019-01-01').factsAt(asOf), // an earlier one
      adopted('E').outcomeReported('unknown', '2019-01-01').factsAt(asOf), // not given
      adopted('F').factsAt(asOf),
    ];
    const rate = loopClosureRate(facts, ctx);
    expect(rate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(ids(rate.counted)).toEqual(['A', 'B']);
  });

  it('leaves out withdrawn recommendations even when reported, and reports dated after asOf', () => {
    const facts = [adopted('A').withdraw('2019-01-01').outcomeReported('bk-9', '2019-11-20').factsAt(asOf), adopted('B').outcomeReported('bk-9', '2021-01-05').factsAt(asOf)];
    expect(loopClosureRate(facts, ctx)).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });
});
