import { fromRecorded } from '../history/history-at';
import { recommendation } from '@app/testing/mothers/recommendation-history';
import { factsAt } from './facts-at';

describe('factsAt', () => {
  it('folds each stream of a mixed list on its own and leaves out the not yet adopted', () => {
    const a = recommendation('A', '2019-01-01').handOff('C1', '2019-02-01');
    const b = recommendation('B', '2019-03-01');
    const c = recommendation('C', '2019-09-01');
    const mixed = [a.events[0], b.events[0], a.events[1], c.events[0]];
    const facts = factsAt(mixed, { asOf: '2019-06-30' });
    expect(facts.map((f) => [f.recommendationId, f.handOffs.length])).toEqual([
      ['A', 1],
      ['B', 0],
    ]);
  });

  it('reads events as the event store returns them', () => {
    const [adopted] = recommendation('A', '2019-01-01').events;
    const recorded = { id: 'e-1', streamId: adopted.streamId, revision: 0n, position: 7n, type: adopted.type, data: adopted.data, metadata: {}, recordedAt: adopted.recordedAt };
    const [facts] = factsAt([fromRecorded(recorded)], { asOf: '2019-01-01' });
    expect(facts).toMatchObject({ recommendationId: 'A', adoptedOn: '2019-01-01', lastEventOn: '2019-01-01' });
  });
});
