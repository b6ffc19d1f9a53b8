import { describeFailure, EmbeddedPostgresError, startFailure } from './embedded-error';

describe('start-up failures in words', () => {
  it('names a port in use from the server log', () => {
    const e = startFailure(54329, ['2026-12-07 LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\n', 'FATAL:  could not create any TCP/IP sockets\n']);
    expect(e).toBeInstanceOf(EmbeddedPostgresError);
    expect(e.message).toBe('Eingebettetes PostgreSQL startet nicht: Port 54329 ist schon belegt (ein anderes Programm hört dort). Wählen Sie mit EMBEDDED_PG_PORT einen freien Port. / Port 54329 is already in use; choose a free one with EMBEDDED_PG_PORT.');
  });

  it('falls back to the last FATAL line, and says so when the server printed nothing', () => {
    expect(startFailure(1, ['LOG: starting\n', 'FATAL:  out of shared memory\n', 'LOG: shutting down\n'], 1).message).toBe(
      'Eingebettetes PostgreSQL startet nicht / embedded PostgreSQL did not start (Exit-Code 1): FATAL:  out of shared memory',
    );
    expect(startFailure(1, []).message).toBe('Eingebettetes PostgreSQL startet nicht / embedded PostgreSQL did not start: der Server beendete sich ohne Meldung / the server exited without a message');
  });

  it('never answers undefined, whatever was thrown', () => {
    expect(describeFailure(undefined)).toBe('Start fehlgeschlagen ohne Fehlermeldung (undefined) / start-up failed without an error message');
    expect(describeFailure(new Error(''))).toBe('Start fehlgeschlagen: Error ohne Meldung / start-up failed: Error without a message');
    expect(describeFailure('kaputt')).toBe('kaputt');
    expect(describeFailure(new Error('Port belegt'))).toBe('Port belegt');
  });
});
