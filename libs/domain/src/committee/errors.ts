import { domainError, notFound, SHARED_ERRORS, type DomainError } from '../shared/domain-error';

export const COMMITTEE_ERRORS = {
  ...SHARED_ERRORS,
  'committee.already-registered': 'Das Gremium ist bereits registriert.',
  'committee.not-registered': notFound('Dieses Gremium ist in dieser Bildungsregion nicht bekannt.'),
  'committee.dissolved': 'Das Gremium ist aufgelöst und kann nicht mehr geändert werden.',
  'committee.name-unchanged': 'Das Gremium trägt diesen Namen bereits.',
  'committee.successor-self': 'Ein Gremium kann nicht sein eigener Nachfolger sein.',
  'committee.successor-unknown': notFound('Das Nachfolgegremium ist in dieser Bildungsregion nicht bekannt.'),
  'committee.successor-dissolved': 'Das Nachfolgegremium ist selbst aufgelöst.',
  'committee.dissolved-before-registration': 'Ein Gremium kann nicht vor seiner Einrichtung aufgelöst werden.',
} as const;
export type CommitteeErrorCode = keyof typeof COMMITTEE_ERRORS;

export const committeeError = (code: CommitteeErrorCode, details?: Record<string, unknown>): DomainError<CommitteeErrorCode> =>
  domainError(code, COMMITTEE_ERRORS[code], details);
