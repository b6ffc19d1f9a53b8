import { describe, expect, it } from '@jest/globals';
import { parseServerVersion, unsupportedServer } from './server-version';

describe('EventStoreDB server version (no server needed)', () => {
  it.each([
    ['23.10.0.0', { major: 23, minor: 10 }],
    ['24.2.0', { major: 24, minor: 2 }],
    ['24.10.0-preview1', { major: 24, minor: 10 }],
    [' 25.0.1+build.7 ', { major: 25, minor: 0 }],
    ['5.0.11.0', { major: 5, minor: 0 }],
  ])('reads %s as %o', (text, version) => {
    expect(parseServerVersion(text)).toEqual(version);
  });

  it.each(['unknown', '', 'v23.10', '23', '23.x'])('reads %p as no version', (text) => {
    expect(parseServerVersion(text)).toBeUndefined();
  });

  it.each(['23.10.0.0', '23.10.1', '24.2.0', '25.0.0.1'])('accepts %s', (text) => {
    expect(unsupportedServer(text)).toBeUndefined();
  });

  it('refuses 23.6 and 22.10, naming the version found and the one needed', () => {
    expect(unsupportedServer('23.6.0.0')).toBe(
      'EventStoreDB 23.10 or later is needed (subscriptions rely on its caught-up signal); the server at EVENTSTORE_URL runs version 23.6',
    );
    expect(unsupportedServer('22.10.3.0')).toMatch(/runs version 22\.10$/);
  });

  it('refuses a server that reports no version (before 21.10 there is no server-features call)', () => {
    expect(unsupportedServer('unknown')).toMatch(/runs a version older than 21\.10 \(it reports none\)$/);
  });
});
