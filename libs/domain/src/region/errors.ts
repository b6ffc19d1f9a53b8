import { domainError, notFound, SHARED_ERRORS, type DomainError } from '../shared/domain-error';

export const REGION_ERRORS = {
  ...SHARED_ERRORS,
  'region.unknown': notFound('Diese Bildungsregion ist nicht bekannt.'),
  'region.already-registered': 'Die Bildungsregion ist bereits registriert.',
  'region.name-required': 'Die Bildungsregion braucht einen Namen.',
} as const;
export type RegionErrorCode = keyof typeof REGION_ERRORS;

export const regionError = (code: RegionErrorCode, details?: Record<string, unknown>): DomainError<RegionErrorCode> =>
  domainError(code, REGION_ERRORS[code], details);
