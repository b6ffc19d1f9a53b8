import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IMPLEMENTATION_STATUSES } from '@app/domain';
import { AdoptRecommendationDto } from '../recommendations/adopt/adopt.dto';
import { ReportImplementationStatusDto } from '../recommendations/report-status/report-status.dto';
import { ReviewSustainabilityDto } from '../recommendations/review-sustainability/review-sustainability.dto';
import { ScheduleConferenceDto } from '../conferences/schedule-conference/schedule-conference.dto';
import { createValidationPipe, flattenValidationErrors } from './validation.pipe';
import { germanValidationMessage } from './validation-messages';

/** The pipe's options, so the DTOs are checked here exactly as at the door. */
async function errorsOf(dto: new () => object, body: object) {
  const errors = await validate(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return flattenValidationErrors(errors);
}

const ENGLISH = /\b(should|must|property|value|each|characters|elements|following)\b/;

describe('germanValidationMessage', () => {
  it('says each constraint plainly, with its parameters', () => {
    expect(germanValidationMessage('isNotEmpty', { field: 'summary' })).toBe('Bitte ausfüllen.');
    expect(germanValidationMessage('maxLength', { field: 'title', constraints: [300] })).toBe('Darf höchstens 300 Zeichen lang sein.');
    expect(germanValidationMessage('max', { field: 'number', constraints: [10_000] })).toBe('Darf höchstens 10.000 sein.');
    expect(germanValidationMessage('min', { field: 'x', constraints: [0.5] })).toBe('Muss mindestens 0,5 sein.');
    expect(germanValidationMessage('isIn', { field: 'kind', constraints: [['a', 'b', 'c']] })).toBe('Muss einer dieser Werte sein: a, b, c.');
    expect(germanValidationMessage('whitelistValidation', { field: 'evidence[0].foo' })).toBe('Unbekanntes Feld: evidence[0].foo ist nicht erlaubt.');
    expect(germanValidationMessage('isUuid', { field: 'committeeIds', each: true })).toBe('Jeder Eintrag: Muss eine UUID sein.');
  });

  it('without the parameters (no decorator found), still a German sentence', () => {
    expect(germanValidationMessage('maxLength', { field: 'title' })).toBe('Ist zu lang.');
    expect(germanValidationMessage('isIn', { field: 'kind' })).toBe('Muss einer der erlaubten Werte sein.');
  });

  it('falls back to a German sentence naming the field for a constraint it does not know', () => {
    expect(germanValidationMessage('isPostalCode', { field: 'plz' })).toBe('Der Wert im Feld plz ist ungültig.');
  });
});

describe('flattenValidationErrors on the real DTOs', () => {
  it('an empty status report: German messages per field, parameters read from the decorators', async () => {
    const errors = await errorsOf(ReportImplementationStatusDto, {
      committeeId: 'nope',
      status: 'done',
      progressPercent: 150,
      summary: '',
      reason: 'x'.repeat(5_001),
      evidence: [{ title: 'Protokoll', url: 'ftp://example.org/a', extra: 1 }],
      reportedOn: '2026-02-30',
      surplus: true,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'surplus', message: 'Unbekanntes Feld: surplus ist nicht erlaubt.' },
        { field: 'committeeId', message: 'Muss eine UUID sein.' },
        { field: 'status', message: `Muss einer dieser Werte sein: ${IMPLEMENTATION_STATUSES.join(', ')}.` },
        { field: 'progressPercent', message: 'Darf höchstens 100 sein.' },
        { field: 'summary', message: 'Bitte ausfüllen.' },
        { field: 'reason', message: 'Darf höchstens 5.000 Zeichen lang sein.' },
        { field: 'evidence[0].url', message: 'Muss eine Webadresse sein, die mit http:// oder https:// beginnt.' },
        { field: 'evidence[0].extra', message: 'Unbekanntes Feld: evidence[0].extra ist nicht erlaubt.' },
        { field: 'reportedOn', message: 'Muss ein Kalendertag im Format JJJJ-MM-TT sein.' },
      ]),
    );
    expect(errors).toHaveLength(9);
  });

  it('an array sent instead of an object: German messages without parameters, nothing thrown', async () => {
    await expect(createValidationPipe().transform([1, 2], { type: 'body', metatype: ScheduleConferenceDto })).rejects.toMatchObject({
      problem: { errors: expect.arrayContaining([{ field: 'title', message: 'Bitte ausfüllen.' }, { field: 'kind', message: 'Muss einer der erlaubten Werte sein.' }]) },
    });
  });

  it('never lets class-validator English through, for lists, nested objects and numbers too', async () => {
    const all = [
      ...(await errorsOf(AdoptRecommendationDto, { addressees: 'Rat', fieldsOfAction: ['', 'x'.repeat(201)], originCommitteeIds: Array(51).fill('x') })),
      ...(await errorsOf(ScheduleConferenceDto, { number: 1.5, kind: 'x', topics: 'Inklusion' })),
      ...(await errorsOf(ReviewSustainabilityDto, { anchoring: ['budget', 'nope'], outcome: 1 })),
    ];
    expect(all.length).toBeGreaterThan(15);
    for (const { message } of all) expect(message).not.toMatch(ENGLISH);
    expect(all).toContainEqual({ field: 'originCommitteeIds', message: 'Darf höchstens 50 Einträge haben.' });
    expect(all).toContainEqual({ field: 'fieldsOfAction', message: 'Jeder Eintrag: Darf höchstens 200 Zeichen lang sein.' });
    expect(all).toContainEqual({ field: 'addressees', message: 'Muss ein Objekt mit Feldern sein.' });
    expect(all).toContainEqual({ field: 'number', message: 'Muss eine ganze Zahl sein.' });
    expect(all).toContainEqual({ field: 'anchoring', message: expect.stringMatching(/^Jeder Eintrag: Muss einer dieser Werte sein: budget, /) });
  });
});
