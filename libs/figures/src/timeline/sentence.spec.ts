import { entrySentences, sentenceOf, type SentenceNames, type StreamEvent } from './sentence';

const ids = { recommendationId: 'r1', regionId: 'duesseldorf' };
const names: SentenceNames = {
  committeeName: (id) => ({ c1: 'Fachgremium Inklusion' })[id],
  conferenceLabel: () => undefined,
  indicator: () => undefined,
};
const report: StreamEvent = {
  eventId: 'e1',
  type: 'ImplementationStatusReported',
  data: { ...ids, committeeId: 'c1', status: 'in_progress', summary: '…', evidence: [], reportedOn: '2019-10-15' },
};
const correction = (eventId: string, status: string, reason: string): StreamEvent => ({
  eventId,
  type: 'EntryCorrected',
  data: { ...ids, correctsEventId: 'e1', correctedEventType: 'ImplementationStatusReported', correctedFields: { status }, reason, effectiveOn: '2019-10-20' },
});
const first = correction('e2', 'planned', 'Tippfehler');
const second = correction('e3', 'implemented', 'Doch umgesetzt');
const stream = [report, first, second];

describe('sentenceOf: one sentence per event, with its correction context', () => {
  it('says from what each correction changes a value: the entry as the earlier corrections left it', () => {
    expect(sentenceOf(first, names, stream)).toBe('Korrektur (Sachstandsbericht): Umsetzungsstand von „in Umsetzung“ auf „geplant“. Grund: Tippfehler.');
    expect(sentenceOf(second, names, stream)).toBe('Korrektur (Sachstandsbericht): Umsetzungsstand von „geplant“ auf „umgesetzt“. Grund: Doch umgesetzt.');
  });

  it('says only the new value when the corrected entry is not in the stream', () => {
    expect(sentenceOf(first, names, [first])).toBe('Korrektur (Sachstandsbericht): Umsetzungsstand auf „geplant“. Grund: Tippfehler.');
  });

  it('says from which name a committee was renamed, from the names before the event', () => {
    const renamed = { eventId: 'c', type: 'CommitteeRenamed', data: { committeeId: 'c1', regionId: 'duesseldorf', name: 'AG Inklusion', shortName: 'AG I', effectiveOn: '2020-01-01' } };
    expect(sentenceOf(renamed, names)).toBe('Gremium „Fachgremium Inklusion“ umbenannt in „AG Inklusion“ (AG I).');
  });

  it('adds who recorded it in whose name, and gives an unknown type a neutral sentence', () => {
    expect(sentenceOf(report, names, stream, { onBehalfOf: 'c1' })).toMatch(/ Erfasst vom Bildungsbüro im Namen des Gremiums „Fachgremium Inklusion“\.$/);
    expect(sentenceOf({ eventId: 'x', type: 'EventOfALaterVersion', data: {} }, names)).toBe('Ereignis EventOfALaterVersion (von dieser Version nicht beschrieben).');
  });

  it('gives a corrected entry its first and its corrected wording, its corrections beside it', () => {
    const entry = { ...report, data: { ...(report.data as object), status: 'implemented' }, original: report.data, correctedBy: ['e2', 'e3'] };
    const sentences = entrySentences(entry, names, stream, (id) => (id === 'e3' ? { onBehalfOf: 'c1' } : undefined));
    expect(sentences.sentence).toContain('„in Umsetzung“');
    expect(sentences.correctedSentence).toContain('„umgesetzt“');
    expect(sentences.corrections.map((c) => c.eventId)).toEqual(['e2', 'e3']);
    expect(sentences.corrections[1]!.sentence).toMatch(/^Korrektur .*von „geplant“ auf „umgesetzt“.* Erfasst vom Bildungsbüro/);
    expect(entrySentences(report, names, stream, () => undefined)).toEqual({ sentence: expect.stringContaining('„in Umsetzung“'), corrections: [] });
  });
});
