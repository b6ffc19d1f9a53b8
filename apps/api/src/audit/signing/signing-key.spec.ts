import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf } from '../offline/manifest-signature';
import { resolveSigningKey, SIGNING_KEY_FILE, SigningKeyError } from './signing-key';

describe('the audit signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into DATA_DIR with mode 0600, and the same key is read on the next start', async () => {
    const lines: string[] = [];
    const dataDir = join(dir, 'data');
    const first = await resolveSigningKey({ DATA_DIR: dataDir }, (l) => lines.push(l));
    expect(first.asymmetricKeyType).toBe('ed25519');
    expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([expect.stringContaining(`neuer Signaturschlüssel für Audit-Manifeste in ${join(dataDir, SIGNING_KEY_FILE)}`)]);
    const second = await resolveSigningKey({ DATA_DIR: dataDir }, (l) => lines.push(l));
    expect(keyIdOf(second)).toBe(keyIdOf(first));
    expect(lines).toHaveLength(1);
  });

  it('reads AUDIT_SIGNING_KEY, warns when others may read it, and never invents one for a missing file', async () => {
    const file = join(dir, 'key.pem');
    const key = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o644 });
    const lines: string[] = [];
    expect(keyIdOf(await resolveSigningKey({ AUDIT_SIGNING_KEY: file, DATA_DIR: dir }, (l) => lines.push(l)))).toBe(keyIdOf(key));
    expect(lines).toEqual([`Warnung: ${file} ist für andere Benutzer lesbar; chmod 600 ${file}.`]);
    await expect(resolveSigningKey({ AUDIT_SIGNING_KEY: join(dir, 'tippfehler.pem'), DATA_DIR: dir }, () => undefined)).rejects.toThrow(
      new SigningKeyError(`AUDIT_SIGNING_KEY nennt ${join(dir, 'tippfehler.pem')}, die Datei gibt es nicht. Anlegen mit: openssl genpkey -algorithm ed25519 -out ${join(dir, 'tippfehler.pem')} && chmod 600 ${join(dir, 'tippfehler.pem')}`),
    );
  });

  it('refuses a key of another type and a file that holds no key', async () => {
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await expect(resolveSigningKey({ AUDIT_SIGNING_KEY: rsa, DATA_DIR: dir }, () => undefined)).rejects.toThrow(/enthält einen rsa-Schlüssel; Audit-Manifeste werden mit Ed25519 signiert/);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'kein Schlüssel', { mode: 0o600 });
    await expect(resolveSigningKey({ AUDIT_SIGNING_KEY: junk, DATA_DIR: dir }, () => undefined)).rejects.toThrow(`${junk} enthält keinen privaten Schlüssel im PEM-Format (PKCS#8).`);
  });
});
