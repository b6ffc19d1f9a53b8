import { checkUnsubscribeToken, unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

const key = unsubscribeKey('x'.repeat(48));
const A = '0b6a4f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const B = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

describe('unsubscribe token', () => {
  it('opens the one subscription it was made for', () => {
    expect(checkUnsubscribeToken(key, unsubscribeToken(key, A))).toEqual({ ok: true, subscriptionId: A });
  });

  it("cannot be turned into another subscription's: same MAC, other id", () => {
    const mac = unsubscribeToken(key, A).split('.')[1];
    expect(checkUnsubscribeToken(key, `${B}.${mac}`)).toEqual({ ok: false, reason: 'forged' });
  });

  it('a changed character, another server secret or no MAC at all is refused', () => {
    const token = unsubscribeToken(key, A);
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    expect(checkUnsubscribeToken(key, flipped)).toEqual({ ok: false, reason: 'forged' });
    expect(checkUnsubscribeToken(unsubscribeKey('y'.repeat(48)), token)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of [A, `${A}.`, `${A}.short`, 'nichts', `${A.toUpperCase()}.${token.split('.')[1]}`, `${'z'.repeat(36)}.${token.split('.')[1]}`]) {
      expect(checkUnsubscribeToken(key, bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('the derived key differs from the secret, so the MAC is useless as a token signature elsewhere', () => {
    expect(unsubscribeKey('x'.repeat(48)).equals(Buffer.from('x'.repeat(48)))).toBe(false);
  });
});
