/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable code of a broken domain rule, e.g. `handoff.committee-dissolved`. */
  code?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Ungültige Anfrage',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  409: 'Konflikt',
  412: 'Vorbedingung fehlgeschlagen',
  413: 'Anfrage zu groß',
  415: 'Nicht unterstütztes Format',
  422: 'Nicht verarbeitbar',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  503: 'Nicht verfügbar',
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  const slug = extra.code ?? (TITLES[status] ? `http-${status}` : 'error');
  return { type: `urn:empfehlungsradar:problem:${slug}`, title: TITLES[status] ?? 'Fehler', status, detail, ...extra };
}
