import type { RecommendationEvent } from '@app/domain';
import { publicSentence } from './public-sentence';

const ids = { recommendationId: 'r1', regionId: 'duesseldorf' };
const ctx = {
  committeeName: (id: string) => ({ c1: 'Fachgremium Inklusion' })[id],
  conferenceLabel: (id: string) => ({ k8: '8. Bildungskonferenz' })[id],
  indicator: (id: string) => (id === 'i1' ? { name: 'Übergangsquote', unit: '%' } : undefined),
};
const say = (event: unknown) => publicSentence(event as RecommendationEvent, ctx);

describe('publicSentence: what the public page says of an event, without people or typed notes', () => {
  it('states a hand-off without its mandate', () => {
    expect(
      say({ type: 'RecommendationHandedOff', data: { ...ids, committeeId: 'c1', mandate: 'Frau Müller soll bis Mai ein Konzept schreiben', reportDueOn: '2019-06-30', decidedOn: '2019-01-15' } }),
    ).toBe('Der Lenkungskreis hat die Empfehlung an das Gremium „Fachgremium Inklusion“ übergeben; erster Bericht fällig am 30.06.2019.');
  });

  it('states an acceptance without its contact person, and a decline without its reason', () => {
    expect(say({ type: 'HandOffAccepted', data: { ...ids, committeeId: 'c1', on: '2019-02-01', contact: 'Frau Privat, 0211 123' } })).toBe(
      'Das Gremium „Fachgremium Inklusion“ hat den Auftrag angenommen.',
    );
    expect(say({ type: 'HandOffDeclined', data: { ...ids, committeeId: 'c1', on: '2019-02-01', reason: 'Herr X hat keine Zeit' } })).toBe(
      'Das Gremium „Fachgremium Inklusion“ hat den Auftrag abgelehnt.',
    );
  });

  it('states a report by status and progress, without its summary, evidence or reason', () => {
    expect(
      say({
        type: 'ImplementationStatusReported',
        data: { ...ids, committeeId: 'c1', status: 'in_progress', progressPercent: 40, summary: 'Intern: Streit im Ausschuss', evidence: [{ title: 'Protokoll', url: 'https://x.example' }], reportedOn: '2019-06-01' },
      }),
    ).toBe('Das Gremium „Fachgremium Inklusion“ meldet den Stand „in Umsetzung“ (40 %).');
  });

  it('states a measurement and a review without their notes', () => {
    expect(say({ type: 'ImpactMeasured', data: { ...ids, indicatorId: 'i1', value: 25, measuredOn: '2020-03-01', source: 'Amt', note: 'nur vorläufig' } })).toBe('Messung „Übergangsquote“: 25 %.');
    expect(say({ type: 'SustainabilityReviewed', data: { ...ids, reviewedOn: '2020-11-01', outcome: 'sustained', anchoring: ['budget', 'none'], note: 'Frau Y sagt ja' } })).toBe(
      'Nachhaltigkeitsprüfung: nachhaltig verankert; verankert durch Haushaltsmittel.',
    );
  });

  it('states withdrawals without reasons, and lists no correction (it is applied to what it corrects)', () => {
    expect(say({ type: 'RecommendationWithdrawn', data: { ...ids, reason: 'vertraulich' } })).toBe('Die Empfehlung wurde zurückgenommen.');
    expect(say({ type: 'HandOffWithdrawn', data: { ...ids, committeeId: 'c404', reason: 'intern' } })).toBe('Der Auftrag an ein Gremium wurde zurückgezogen.');
    expect(say({ type: 'EntryCorrected', data: { ...ids, correctsEventId: 'e1', correctedEventType: 'ImpactMeasured', correctedFields: { value: 80 }, reason: 'Tippfehler' } })).toBeNull();
  });
});
