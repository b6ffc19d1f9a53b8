import { domainError, notFound, SHARED_ERRORS, type DomainError } from '../shared/domain-error';

export const CONFERENCE_ERRORS = {
  ...SHARED_ERRORS,
  'conference.already-scheduled': 'Die Bildungskonferenz ist bereits angelegt.',
  'conference.not-scheduled': notFound('Diese Bildungskonferenz ist in dieser Bildungsregion nicht bekannt.'),
  'conference.already-held': 'Die Bildungskonferenz hat bereits stattgefunden.',
  'conference.number-invalid': 'Die Nummer der Konferenz muss eine positive ganze Zahl sein.',
  'conference.date-unchanged': 'Die Konferenz ist bereits auf dieses Datum angesetzt.',
} as const;
export type ConferenceErrorCode = keyof typeof CONFERENCE_ERRORS;

export const conferenceError = (code: ConferenceErrorCode, details?: Record<string, unknown>): DomainError<ConferenceErrorCode> =>
  domainError(code, CONFERENCE_ERRORS[code], details);
