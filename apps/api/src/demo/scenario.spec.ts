import { calendarDateOf } from '@app/domain';
import { demoPlan } from './plan';
import { dateOfStep, DEMO_COMMITTEES, DEMO_CONFERENCES, DEMO_RECOMMENDATIONS, DEMO_REGION, type DemoStep } from './scenario';

/**
 * The scenario is hand-written data; these checks name the entry that breaks a rule, before a
 * seed fails half-way with a domain error.
 */
describe('demo scenario', () => {
  const today = calendarDateOf(new Date());
  const committees = new Map(DEMO_COMMITTEES.map((c) => [c.key, c]));
  const conferences = new Map(DEMO_CONFERENCES.map((c) => [c.key, c]));
  const recommendations = new Map(DEMO_RECOMMENDATIONS.map((r) => [r.key, r]));
  const committeeOf = (step: DemoStep) => ('committee' in step ? step.committee : undefined);

  it('has unique keys and references', () => {
    expect(committees.size).toBe(DEMO_COMMITTEES.length);
    expect(conferences.size).toBe(DEMO_CONFERENCES.length);
    expect(recommendations.size).toBe(DEMO_RECOMMENDATIONS.length);
    expect(new Set(DEMO_RECOMMENDATIONS.map((r) => r.reference)).size).toBe(DEMO_RECOMMENDATIONS.length);
    const keys = demoPlan().map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is marked as demo data', () => {
    expect(DEMO_REGION.name).toContain('Demodaten');
    for (const r of DEMO_RECOMMENDATIONS) expect({ key: r.key, marked: r.text.includes('Demodaten') }).toEqual({ key: r.key, marked: true });
  });

  it('holds every conference on or after its (re)scheduled date, after the contract', () => {
    for (const c of DEMO_CONFERENCES) {
      expect({ key: c.key, ok: c.scheduledOn >= DEMO_REGION.contractSignedOn && c.heldOn >= c.scheduledOn && c.heldOn === (c.reschedule?.date ?? c.plannedDate) && c.heldOn <= today }).toEqual({ key: c.key, ok: true });
    }
  });

  it('tells every story in order, between adoption and today, naming only known committees, conferences and steps', () => {
    for (const r of DEMO_RECOMMENDATIONS) {
      const conference = conferences.get(r.conference);
      const problems: string[] = [];
      if (!conference) problems.push(`unknown conference ${r.conference}`);
      else if (r.adoptedOn < conference.heldOn) problems.push('adopted before its conference');
      for (const key of [...r.addressees.committees, ...r.origin]) if (!committees.has(key)) problems.push(`unknown committee ${key}`);
      let previous = r.adoptedOn;
      const labels = new Set<string>();
      for (const step of r.story) {
        const on = dateOfStep(step);
        if (on < previous) problems.push(`${step.do} on ${on} before ${previous}`);
        if (on > today) problems.push(`${step.do} on ${on} lies in the future`);
        previous = on;
        const committee = committeeOf(step);
        if (committee !== undefined && !committees.has(committee)) problems.push(`unknown committee ${committee}`);
        if (step.do === 'handOff') {
          if (step.reportDueOn < step.decidedOn) problems.push('report due before the hand-off');
          if (step.decidedOn < committees.get(step.committee)!.registeredOn) problems.push(`handed to ${step.committee} before it was registered`);
        }
        if (step.do === 'outcome') {
          const later = conferences.get(step.conference);
          if (!later || later.key === r.conference || later.heldOn <= r.adoptedOn) problems.push(`outcome to ${step.conference} is not a later conference`);
        }
        if (step.do === 'supersede') {
          const successor = recommendations.get(step.successor);
          if (!successor || successor.adoptedOn > step.on) problems.push(`successor ${step.successor} not adopted by ${step.on}`);
        }
        if (step.do === 'correct' && !labels.has(step.of)) problems.push(`corrects unknown step ${step.of}`);
        if (step.label) labels.add(step.label);
      }
      expect({ key: r.key, problems }).toEqual({ key: r.key, problems: [] });
    }
  });

  it('tells every kind of story at least once', () => {
    const kinds = new Set(DEMO_RECOMMENDATIONS.flatMap((r) => r.story.map((s) => s.do)));
    expect([...kinds].sort()).toEqual(
      ['accept', 'amend', 'correct', 'decline', 'handOff', 'indicator', 'measure', 'outcome', 'report', 'review', 'revise', 'supersede', 'verify', 'withdraw', 'withdrawHandOff'].sort(),
    );
    const outcomes = new Set(DEMO_RECOMMENDATIONS.flatMap((r) => r.story.flatMap((s) => (s.do === 'review' ? [s.outcome] : []))));
    expect(outcomes).toEqual(new Set(['sustained', 'at_risk', 'lapsed']));
  });

  it('plans the commands in the order they happened, the region first', () => {
    const plan = demoPlan();
    expect(plan[0]!.key).toBe('demo:region');
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.on >= plan[i - 1]!.on).toBe(true);
  });
});
