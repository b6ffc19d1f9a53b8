import { recommendation } from '@app/testing/mothers/recommendation-history';
import { isOverdue } from './facts';

describe('recommendationFacts', () => {
  const accepted = () => recommendation('R', '2019-01-10').handOff('C1', '2019-02-01', '2019-06-30').accept('C1', '2019-02-10');

  describe("an assignment's current due date (metrics.md)", () => {
    it('is reportDueOn while nothing is reported', () => {
      expect(accepted().factsAt('2019-03-01').handOffs[0].currentDueOn).toBe('2019-06-30');
    });
    it("is the last report's nextReportDueOn when it names one", () => {
      const f = accepted().report('C1', 'in_progress', '2019-06-01', '2019-12-01').factsAt('2019-07-01');
      expect(f.handOffs[0].currentDueOn).toBe('2019-12-01');
    });
    it('is none when the last report names no next date', () => {
      const f = accepted().report('C1', 'in_progress', '2019-06-01', '2019-12-01').report('C1', 'in_progress', '2019-11-01').factsAt('2019-12-31');
      expect(f.handOffs[0].currentDueOn).toBeUndefined();
      expect(f.handOffs[0].overdue).toBe(false);
    });
  });

  describe('overdue', () => {
    it('is a due date before asOf, not on it', () => {
      const r = accepted();
      expect(isOverdue(r.factsAt('2019-06-30').handOffs[0], '2019-06-30')).toBe(false);
      expect(isOverdue(r.factsAt('2019-07-01').handOffs[0], '2019-07-01')).toBe(true);
    });
    it('is never so after an implemented or not_implemented report, even with a next date passed', () => {
      for (const status of ['implemented', 'not_implemented'] as const) {
        const f = accepted().report('C1', status, '2019-06-01', '2019-08-01').factsAt('2020-01-01');
        expect(f.handOffs[0].overdue).toBe(false);
      }
    });
    describe('of a withdrawn or superseded recommendation (domain rule 1)', () => {
      // Due 2019-06-30, unreported: overdue from 2019-07-01 until the recommendation is retired on 2019-09-01.
      const retire = {
        withdrawn: () => accepted().withdraw('2019-09-01'),
        superseded: () => accepted().supersede('R2', '2019-09-01'),
      };
      it.each(Object.keys(retire) as (keyof typeof retire)[])('%s: overdue before the day, nothing due or overdue from it on', (how) => {
        const r = retire[how]();
        expect(r.factsAt('2019-08-31').handOffs[0]).toMatchObject({ overdue: true, currentDueOn: '2019-06-30' });
        for (const asOf of ['2019-09-01', '2021-01-01']) {
          const assignment = r.factsAt(asOf).handOffs[0];
          expect(assignment.overdue).toBe(false);
          expect(assignment.currentDueOn).toBeUndefined();
          expect(isOverdue(assignment, asOf)).toBe(false);
        }
      });
      it('also with a next report date named by its last report', () => {
        const f = accepted().report('C1', 'in_progress', '2019-06-01', '2019-08-01').withdraw('2019-09-01').factsAt('2020-01-01');
        expect(f.handOffs[0]).toMatchObject({ overdue: false, lastReport: { status: 'in_progress', nextReportDueOn: '2019-08-01' } });
        expect(f.handOffs[0].currentDueOn).toBeUndefined();
      });
    });
    it('is never so for a withdrawn or declined assignment', () => {
      expect(accepted().withdrawHandOff('C1', '2019-03-01').factsAt('2020-01-01').handOffs[0].overdue).toBe(false);
      expect(recommendation('R', '2019-01-10').handOff('C1', '2019-02-01').decline('C1', '2019-02-02').factsAt('2020-01-01').handOffs[0].overdue).toBe(false);
    });
  });

  it('takes the last report by its date, not by when it was entered', () => {
    const f = accepted()
      .report('C1', 'implemented', '2019-07-01')
      .report('C1', 'in_progress', '2019-06-01', undefined, { recordedAt: '2019-07-05T12:00:00Z' })
      .factsAt('2019-12-31');
    expect(f.handOffs[0].lastReport).toMatchObject({ status: 'implemented', reportedOn: '2019-07-01' });
    expect(f.implementedOn).toBe('2019-07-01');
  });

  it('dates the implementation by the report that completed the set', () => {
    const f = accepted()
      .handOff('C2', '2019-02-01')
      .accept('C2', '2019-02-05')
      .report('C2', 'implemented', '2019-08-01')
      .report('C1', 'implemented', '2019-05-01')
      .factsAt('2019-12-31');
    expect(f.implementedOn).toBe('2019-08-01');
    expect(f.partiallyImplementedOn).toBeUndefined();
  });

  it('matches an answer to the latest pending hand-off of that committee', () => {
    const f = recommendation('R', '2019-01-10')
      .handOff('C1', '2019-02-01')
      .decline('C1', '2019-02-03')
      .handOff('C1', '2019-03-01')
      .accept('C1', '2019-03-04')
      .factsAt('2019-12-31');
    expect(f.handOffs.map((a) => [a.decidedOn, a.state, a.answeredOn])).toEqual([
      ['2019-02-01', 'declined', '2019-02-03'],
      ['2019-03-01', 'accepted', '2019-03-04'],
    ]);
  });

  it('remembers a hand-off withdrawn while pending apart from one withdrawn after acceptance', () => {
    const f = recommendation('R', '2019-01-10')
      .handOff('C1', '2019-02-01')
      .withdrawHandOff('C1', '2019-02-10')
      .handOff('C2', '2019-02-01')
      .accept('C2', '2019-02-02')
      .withdrawHandOff('C2', '2019-02-10')
      .factsAt('2019-12-31');
    expect(f.handOffs.map((a) => [a.committeeId, a.state, a.withdrawnWhilePending, a.answer])).toEqual([
      ['C1', 'withdrawn', true, undefined],
      ['C2', 'withdrawn', false, 'accepted'],
    ]);
  });

  it('reads fields of action as amended, and the last event date over every event', () => {
    const f = recommendation('R', '2019-01-10', { fieldsOfAction: ['Inklusion'] }).amend(['Neuzugewanderte'], '2019-04-01').factsAt('2019-12-31');
    expect(f.fieldsOfAction).toEqual(['Neuzugewanderte']);
    expect(f.lastEventOn).toBe('2019-04-01');
  });

  it('is undefined before adoption', () => {
    expect(() => recommendation('R', '2019-01-10').factsAt('2019-01-09')).toThrow(/not adopted/);
  });
});
