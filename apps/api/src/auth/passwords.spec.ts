import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwords (argon2id)', () => {
  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const a = await hashPassword('Korrektes-Pferd-1');
    const b = await hashPassword('Korrektes-Pferd-1');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'Korrektes-Pferd-1')).toBe(true);
    expect(await verifyPassword(a, 'korrektes-pferd-1')).toBe(false);
    expect(await verifyPassword(a, '')).toBe(false);
  });

  it('treats a malformed stored hash as a failed check, not an error', async () => {
    expect(await verifyPassword('kein-hash', 'egal')).toBe(false);
  });

  it('has a dummy hash for unknown addresses that no password opens by accident', async () => {
    expect(await dummyHash()).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(await dummyHash(), 'Demo-Buero-2026')).toBe(false);
  });

  it('refuses too short and too long passwords in German', () => {
    expect(passwordProblem('kurz')).toMatch(/mindestens 10 Zeichen/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/höchstens 256 Zeichen/);
    expect(passwordProblem('lang-genug-123')).toBeUndefined();
  });
});
