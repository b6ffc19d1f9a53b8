/**
 * The adapter needs EventStoreDB 23.10 or later: `caughtUp` follows the server's caught-up message
 * on subscriptions, which older servers never send, so a projector would wait for ever. The client
 * learns the version from the server-features call (`capabilities`); servers before 21.10 do not
 * offer that call and report "unknown".
 */
export const MINIMUM_SERVER_VERSION = { major: 23, minor: 10 } as const;

export interface ServerVersion {
  major: number;
  minor: number;
}

/** "23.10.0.0", "24.2.0-preview1" → {major, minor}; anything else (e.g. "unknown") → undefined. */
export function parseServerVersion(text: string): ServerVersion | undefined {
  const match = /^(\d+)\.(\d+)(?:[.\-+]|$)/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Undefined when the server is new enough, else the message the store fails with. */
export function unsupportedServer(reported: string): string | undefined {
  const version = parseServerVersion(reported);
  const { major, minor } = MINIMUM_SERVER_VERSION;
  if (version && (version.major > major || (version.major === major && version.minor >= minor))) return undefined;
  const seen = version ? `version ${version.major}.${version.minor}` : 'a version older than 21.10 (it reports none)';
  return `EventStoreDB ${major}.${minor} or later is needed (subscriptions rely on its caught-up signal); the server at EVENTSTORE_URL runs ${seen}`;
}

export class UnsupportedServerError extends Error {
  override readonly name = 'UnsupportedServerError';
}
