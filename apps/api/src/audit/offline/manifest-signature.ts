import canonicalize from 'canonicalize';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 signatures of audit manifests. The manifest pins the chain heads (and every event's hash)
 * at the moment of the export; signed with a key the database never holds, it is a record of the
 * log that whoever rewrites the log and recomputes its hashes cannot forge. The signed bytes are the
 * RFC 8785 canonical JSON of the manifest without its `signature`, so key order and whitespace of
 * the file do not matter, and any auditor can check it with any Ed25519 implementation.
 */
export interface ManifestSignature {
  algorithm: 'Ed25519';
  /** First 16 hex digits of SHA-256 over the public key (SPKI, DER): which key signed. */
  keyId: string;
  /** The signature, base64. */
  value: string;
}

export type Signed<M> = M & { signature: ManifestSignature };

export const publicKeyOf = (key: KeyObject): KeyObject => (key.type === 'public' ? key : createPublicKey(key));

export const keyIdOf = (key: KeyObject): string =>
  createHash('sha256')
    .update(publicKeyOf(key).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

const signedBytes = (manifest: object): Buffer => {
  const { signature: _signature, ...rest } = manifest as { signature?: unknown };
  return Buffer.from(canonicalize(rest) ?? '', 'utf8');
};

export function signManifest<M extends object>(manifest: M, privateKey: KeyObject): Signed<M> {
  return { ...manifest, signature: { algorithm: 'Ed25519', keyId: keyIdOf(privateKey), value: sign(null, signedBytes(manifest), privateKey).toString('base64') } };
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: string };

/** Whether `manifest` carries a valid signature by `publicKey`; the reason in German if not. */
export function checkManifestSignature(manifest: unknown, publicKey: KeyObject): SignatureCheck {
  if (!manifest || typeof manifest !== 'object') return { ok: false, reason: 'Das Manifest ist kein JSON-Objekt.' };
  const signature = (manifest as { signature?: Partial<ManifestSignature> }).signature;
  if (!signature || typeof signature.value !== 'string') return { ok: false, reason: 'Das Manifest ist nicht signiert.' };
  if (signature.algorithm !== 'Ed25519') return { ok: false, reason: `Unbekanntes Signaturverfahren ${String(signature.algorithm)} (erwartet: Ed25519).` };
  const keyId = keyIdOf(publicKey);
  if (signature.keyId !== keyId) {
    return { ok: false, reason: `Das Manifest nennt den Schlüssel ${String(signature.keyId)}, geprüft wird mit ${keyId}: es ist nicht mit diesem Schlüssel signiert.` };
  }
  let valid = false;
  try {
    valid = verify(null, signedBytes(manifest), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? { ok: true, keyId } : { ok: false, reason: 'Die Signatur passt nicht zum Inhalt: das Manifest wurde nach dem Signieren verändert.' };
}
