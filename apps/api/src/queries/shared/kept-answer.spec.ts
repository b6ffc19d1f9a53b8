import { keptAnswer } from './kept-answer';
import type { RegionSnapshot } from './region-snapshot';

const snapshotOf = (): RegionSnapshot =>
  ({ regionId: 'r', regionName: 'R', point: { asOf: '2026-01-01' }, source: 'replay', directory: {}, conferences: [], facts: [] }) as unknown as RegionSnapshot;

class AskFunnel {
  constructor(readonly cohort: string) {}
}
class AskScorecard {
  constructor(readonly cohort: string) {}
}

describe('keptAnswer: one computation per snapshot and question', () => {
  it('computes a question once per snapshot, shares it with requests asking meanwhile, and again for a new snapshot', async () => {
    let computed = 0;
    const compute = () => ({ n: ++computed });
    const first = snapshotOf();
    const together = await Promise.all([keptAnswer(first, new AskFunnel('a'), compute), keptAnswer(first, new AskFunnel('a'), compute)]);
    expect(together[0]).toBe(together[1]);
    expect(await keptAnswer(first, new AskFunnel('a'), compute)).toBe(together[0]);
    expect(computed).toBe(1);

    // Another question, another query class with the same fields, another snapshot: each its own answer.
    expect(await keptAnswer(first, new AskFunnel('b'), compute)).toEqual({ n: 2 });
    expect(await keptAnswer(first, new AskScorecard('a'), compute)).toEqual({ n: 3 });
    expect(await keptAnswer(snapshotOf(), new AskFunnel('a'), compute)).toEqual({ n: 4 });
  });

  it('keeps no failure: the same question is computed again', async () => {
    const snapshot = snapshotOf();
    await expect(
      keptAnswer(snapshot, new AskFunnel('x'), () => {
        throw new Error('conference not of this region');
      }),
    ).rejects.toThrow('conference not of this region');
    expect(await keptAnswer(snapshot, new AskFunnel('x'), () => 'answer')).toBe('answer');
  });

  it('lets other work run between two computations, for at least as long as the first took', async () => {
    const snapshot = snapshotOf();
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let finishedFirst = 0;
    let startedSecond = 0;
    let timerAt = 0;
    const first = keptAnswer(snapshot, new AskFunnel('slow'), () => {
      // Other work that becomes due while the first computation runs (a command's next round trip).
      setTimeout(() => (timerAt = performance.now()), 0);
      busyFor(60);
      finishedFirst = performance.now();
      return 1;
    });
    const second = keptAnswer(snapshot, new AskFunnel('next'), () => {
      startedSecond = performance.now();
      return 2;
    });
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(timerAt).toBeGreaterThan(0);
    expect(timerAt).toBeLessThan(startedSecond);
    // Not a timing assertion on the machine's speed: the pause is at least the first one's measured duration.
    expect(startedSecond - finishedFirst).toBeGreaterThanOrEqual(55);
  });
});
