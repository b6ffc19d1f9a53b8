import type { DomainEvent } from '@app/domain';
import { describeEvent, germanDate, onBehalfSuffix, type DescribeContext } from './describe-event';

const ids = { recommendationId: 'r1', regionId: 'duesseldorf' };
const ctx: DescribeContext = {
  committeeName: (id) => ({ c1: 'Fachgremium Inklusion', c2: 'Schulausschuss' })[id],
  conferenceLabel: (id) => ({ k8: '8. Bildungskonferenz', k9: '9. Bildungskonferenz' })[id],
  indicator: (id) => (id === 'i1' ? { name: 'Übergangsquote', unit: '%' } : undefined),
};
const describe_ = (event: DomainEvent, extra: Partial<DescribeContext> = {}) => describeEvent(event, { ...ctx, ...extra });

describe('describeEvent', () => {
  it('writes German dates', () => {
    expect(germanDate('2019-09-14')).toBe('14.09.2019');
  });

  it('names the conference and reference of an adoption', () => {
    const text = describe_({
      type: 'RecommendationAdopted',
      data: { ...ids, conferenceId: 'k8', reference: '8. BK / 3', title: 'Inklusive Schulen', text: '…', fieldsOfAction: ['Inklusion'], addressees: { committeeIds: [], decisionMakers: [] }, originCommitteeIds: [], adoptedOn: '2018-11-20' },
    });
    expect(text).toBe('Empfehlung 8. BK / 3 „Inklusive Schulen“ von der 8. Bildungskonferenz am 20.11.2018 beschlossen.');
  });

  it('names the committee of a hand-off by its name, with due date and mandate', () => {
    const text = describe_({
      type: 'RecommendationHandedOff',
      data: { ...ids, committeeId: 'c1', mandate: 'Konzept erarbeiten', reportDueOn: '2019-06-30', decidedOn: '2019-01-15', decisionReference: 'LK 2019/01 TOP 3' },
    });
    expect(text).toBe('Übergabe an das Gremium „Fachgremium Inklusion“ beschlossen (LK 2019/01 TOP 3); erster Bericht fällig am 30.06.2019. Auftrag: Konzept erarbeiten.');
  });

  it('says when a committee is unknown instead of printing an id', () => {
    const text = describe_({ type: 'HandOffAccepted', data: { ...ids, committeeId: 'c404', on: '2019-02-01' } });
    expect(text).toBe('Ein nicht registriertes Gremium hat die Übergabe angenommen.');
  });

  it('reports the status in words, with progress, reason and next due date', () => {
    const text = describe_({
      type: 'ImplementationStatusReported',
      data: { ...ids, committeeId: 'c2', status: 'blocked', progressPercent: 40, summary: 's', reason: 'Keine Mittel', evidence: [], reportedOn: '2019-09-01', nextReportDueOn: '2020-03-01' },
    });
    expect(text).toBe('Das Gremium „Schulausschuss“ meldet den Umsetzungsstand „blockiert“ (40 %). Grund: Keine Mittel. Nächster Bericht fällig am 01.03.2020.');
  });

  it('names the indicator of a measurement with its unit and a German decimal comma', () => {
    const text = describe_({ type: 'ImpactMeasured', data: { ...ids, committeeId: 'c1', indicatorId: 'i1', value: 25.5, measuredOn: '2020-03-01', source: 'IT.NRW' } });
    expect(text).toBe('Messung für „Übergangsquote“: 25,5 %.');
  });

  it('describes a review with its anchoring', () => {
    const text = describe_({ type: 'SustainabilityReviewed', data: { ...ids, reviewedOn: '2020-11-01', outcome: 'sustained', anchoring: ['budget', 'regular_structure'], note: '' } });
    expect(text).toBe('Nachhaltigkeitsprüfung: nachhaltig verankert; verankert durch Haushaltsmittel und Regelstruktur.');
  });

  it('shows a correction as from → to against the corrected entry', () => {
    const text = describe_(
      {
        type: 'EntryCorrected',
        data: { ...ids, correctsEventId: 'e7', correctedEventType: 'ImplementationStatusReported', correctedFields: { status: 'implemented', reportedOn: '2019-10-16' }, reason: 'Tippfehler', effectiveOn: '2019-10-20' },
      },
      { corrected: { type: 'ImplementationStatusReported', data: { status: 'in_progress', reportedOn: '2019-10-15' } } },
    );
    expect(text).toBe('Korrektur (Sachstandsbericht): Umsetzungsstand von „in Umsetzung“ auf „umgesetzt“ und Berichtsdatum von 15.10.2019 auf 16.10.2019. Grund: Tippfehler.');
  });

  it('says from which name a committee was renamed', () => {
    const text = describe_(
      { type: 'CommitteeRenamed', data: { committeeId: 'c1', regionId: 'duesseldorf', name: 'AG Inklusion', shortName: 'AG I', effectiveOn: '2020-01-01' } },
      { committeeBefore: { name: 'Fachgremium Inklusion' } },
    );
    expect(text).toBe('Gremium „Fachgremium Inklusion“ umbenannt in „AG Inklusion“ (AG I).');
  });

  it('does not double a full stop the user typed', () => {
    expect(describe_({ type: 'RecommendationWithdrawn', data: { ...ids, reason: 'Erledigt.', effectiveOn: '2019-05-01' } })).toBe('Empfehlung zurückgezogen. Grund: Erledigt.');
  });

  it('marks entries the office made for a committee', () => {
    expect(onBehalfSuffix({ onBehalfOf: 'c1' }, ctx)).toBe(' Erfasst vom Bildungsbüro im Namen des Gremiums „Fachgremium Inklusion“.');
    expect(onBehalfSuffix({}, ctx)).toBe('');
  });
});
