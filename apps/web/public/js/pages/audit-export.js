// Prüfung › Ausfuhr: the manifest pins the log's state; the NDJSON export up to exactly that event,
// checked here against the manifest's SHA-256 before it is offered for download.
import { api, ApiError, session } from '../api.js';
import { instant } from '../format.js';
import { h, show } from '../dom.js';
import { errorBox } from '../ui.js';

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The export is a file, not JSON: fetched with the token, kept as bytes. */
async function exportBytes(regionId, toPosition) {
  const url = new URL(`/api/regions/${regionId}/audit/export`, location.origin);
  url.searchParams.set('toPosition', toPosition);
  const response = await fetch(url, { headers: { Authorization: `Bearer ${session.token()}`, Accept: 'application/x-ndjson' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return { bytes: await response.arrayBuffer(), sha256Header: response.headers.get('X-Audit-Sha256') };
}

/** RFC 8785 for the manifest's plain JSON (strings, integers, objects, arrays): keys sorted, ECMAScript serialisation. */
const canonical = (value) =>
  Array.isArray(value) ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object' ? `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
      : JSON.stringify(value);

/**
 * Checks the manifest's Ed25519 signature with the installation's public key, in the browser:
 * 'valid', 'invalid', 'unsigned', or 'unsupported' (a browser without Ed25519 in WebCrypto).
 */
async function signatureOf(regionId, manifest) {
  if (!manifest.signature) return { state: 'unsigned' };
  const key = await api.get(`/regions/${regionId}/audit/signing-key`);
  const der = Uint8Array.from(atob(key.publicKey.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  const { signature, ...signed } = manifest;
  try {
    const publicKey = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    const bytes = new TextEncoder().encode(canonical(signed));
    const value = Uint8Array.from(atob(signature.value), (c) => c.charCodeAt(0));
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, value, bytes);
    return { state: ok && signature.keyId === key.keyId ? 'valid' : 'invalid', keyId: signature.keyId, publicKey: key.publicKey };
  } catch {
    return { state: 'unsupported', keyId: signature.keyId, publicKey: key.publicKey };
  }
}

const SIGNATURE_TEXT = {
  valid: (s) => `Signatur gültig: das Manifest ist mit dem Schlüssel ${s.keyId} dieser Installation signiert (Ed25519).`,
  invalid: () => 'Signatur ungültig: das Manifest passt nicht zu seiner Signatur oder zum Schlüssel dieser Installation.',
  unsigned: () => 'Das Manifest ist nicht signiert.',
  unsupported: (s) => `Signiert mit dem Schlüssel ${s.keyId}; dieser Browser kann Ed25519 nicht prüfen (npm run audit:verify -- --manifest … prüft sie).`,
};

const download = (name, blob, text) => {
  const a = h('a', { class: 'knopf-leise', download: name }, text);
  a.href = URL.createObjectURL(blob);
  return a;
};

export async function render(body, ctx) {
  const { regionId } = ctx.region;
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'knopf', onclick: run }, 'Manifest und Ausfuhr erstellen');

  async function run() {
    button.disabled = true;
    show(result, h('p', { class: 'laedt', role: 'status' }, 'Manifest und Ausfuhr werden erstellt …'));
    try {
      const manifest = await api.get(`/regions/${regionId}/audit/export/manifest`);
      if (manifest.lastPosition === null) {
        show(result, h('p', { class: 'leer' }, 'Das Protokoll dieser Bildungsregion ist leer.'));
        return;
      }
      const [{ bytes, sha256Header }, signature] = await Promise.all([exportBytes(regionId, manifest.lastPosition), signatureOf(regionId, manifest)]);
      const computed = hex(await crypto.subtle.digest('SHA-256', bytes));
      if (ctx.stale()) return;
      const matches = computed === manifest.sha256 && sha256Header === manifest.sha256;
      const base = `ereignisse-${regionId}-${manifest.lastPosition}`;
      show(result,
        h('div', { class: matches ? 'erfolg' : 'fehler', role: 'status', 'data-pruefsumme': matches ? 'stimmt' : 'abweichend' },
          h('p', {}, h('strong', {}, matches ? 'Prüfsumme stimmt: ' : 'Prüfsumme weicht ab: '),
            matches ? 'die heruntergeladene Datei ist Byte für Byte die im Manifest beschriebene.' : `berechnet ${computed}, Manifest ${manifest.sha256}.`)),
        h('p', { class: signature.state === 'invalid' ? 'fehler' : signature.state === 'valid' ? 'erfolg' : 'hinweis-kasten', 'data-signatur': signature.state }, SIGNATURE_TEXT[signature.state](signature)),
        h('dl', { class: 'eckdaten manifest' },
          h('div', {}, h('dt', {}, 'Ereignisse'), h('dd', {}, String(manifest.events))),
          h('div', {}, h('dt', {}, 'Streams'), h('dd', {}, String(manifest.streams))),
          h('div', {}, h('dt', {}, 'Positionen'), h('dd', {}, `${manifest.firstPosition} bis ${manifest.lastPosition}`)),
          h('div', {}, h('dt', {}, 'Erstellt am'), h('dd', {}, instant(manifest.exportedAt))),
          h('div', { class: 'breit' }, h('dt', {}, 'SHA-256 der Datei'), h('dd', {}, h('code', { class: 'pruefsumme' }, manifest.sha256))),
        ),
        h('p', { class: 'knoepfe' },
          download(`${base}.ndjson`, new Blob([bytes], { type: 'application/x-ndjson' }), 'Ausfuhr herunterladen (NDJSON)'),
          download(`${base}.manifest.json`, new Blob([`${JSON.stringify(manifest, null, 2)}\n`], { type: 'application/json' }), 'Manifest herunterladen (JSON)'),
          signature.publicKey ? download(`pruefschluessel-${signature.keyId}.pem`, new Blob([signature.publicKey], { type: 'application/x-pem-file' }), 'Prüfschlüssel herunterladen (PEM)') : null,
        ),
        h('p', { class: 'hinweis' }, 'Beide Dateien aufbewahren: „npm run audit:replay -- Ausfuhr.ndjson --manifest Manifest.json“ prüft sie ohne Datenbank und Server; ein späteres Manifest mit --since belegt, dass seither nichts verändert wurde.'),
      );
    } catch (error) {
      if (!ctx.stale()) show(result, errorBox(error, run));
    } finally {
      button.disabled = false;
    }
  }

  show(body,
    h('h2', {}, 'Ausfuhr mit Manifest'),
    h('p', {}, 'Das Manifest hält den Stand des Protokolls fest (Anzahl, letzte Position, SHA-256 der Datei, Kopf jeder Hash-Kette); die Ausfuhr bis genau zu diesem Ereignis ergibt jederzeit dieselben Bytes.'),
    h('div', { class: 'knoepfe' }, button),
    result,
  );
}
