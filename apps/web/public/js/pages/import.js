// The Bildungsbüro brings an existing list in: upload, dry run as a table, confirm, progress.
import { api, ApiError } from '../api.js';
import { h, show } from '../dom.js';
import { date } from '../format.js';
import { errorBox, table } from '../ui.js';

const MAPPING = [
  ['conference', 'Konferenz'],
  ['adoptedOn', 'Datum'],
  ['number', 'Nr.'],
  ['title', 'Titel'],
  ['text', 'Wortlaut'],
  ['fieldsOfAction', 'Handlungsfeld'],
  ['addressees', 'Adressaten'],
  ['handedOffTo', 'Übergeben an'],
  ['handedOffOn', 'Übergeben am'],
  ['reportDueOn', 'Bericht fällig'],
  ['status', 'Stand'],
  ['statusOn', 'Stand vom'],
  ['mandate', 'Auftrag'],
];
const FIELD_LABEL = {
  conference: 'Konferenz', adoptedOn: 'Beschlussdatum', number: 'Nummer', title: 'Titel', text: 'Wortlaut',
  fieldsOfAction: 'Handlungsfelder', addressees: 'Adressaten', handedOffTo: 'Übergeben an (Gremien)', handedOffOn: 'Übergeben am',
  reportDueOn: 'Bericht fällig', status: 'Stand', statusOn: 'Stand vom', mandate: 'Auftrag (optional)',
};
const KIND = { fachgremium: 'Fachgremium', ausschuss: 'Ausschuss', verwaltung: 'Verwaltung', extern: 'extern' };

export async function renderImport(main, ctx) {
  const { region, account } = ctx;
  document.title = 'Liste importieren – Empfehlungsradar';
  if (account.role !== 'office') {
    show(main, h('h1', {}, 'Liste importieren'), h('p', { class: 'leer' }, 'Listen importiert das Regionale Bildungsbüro.'));
    return;
  }
  const file = h('input', { id: 'import-datei', name: 'file', type: 'file', accept: '.xlsx,.csv,text/csv', required: true });
  const inputs = Object.fromEntries(MAPPING.map(([field, header]) => [field, h('input', { id: `spalte-${field}`, name: field, type: 'text', value: header })]));
  const message = h('div', { class: 'formular-meldung', role: 'alert' });
  const result = h('section', { id: 'import-ergebnis', 'aria-live': 'polite' });
  const previewButton = h('button', { type: 'submit', class: 'knopf' }, 'Probelauf');

  const formData = () => {
    const form = new FormData();
    form.append('file', file.files[0]);
    const mapping = {};
    for (const [field, header] of MAPPING) if (inputs[field].value.trim() && inputs[field].value.trim() !== header) mapping[field] = inputs[field].value.trim();
    form.append('mapping', JSON.stringify(mapping));
    return form;
  };

  async function preview(event) {
    event.preventDefault();
    message.replaceChildren();
    result.replaceChildren();
    if (!file.files?.[0]) {
      message.append(h('p', {}, 'Bitte eine Datei (.xlsx oder .csv) auswählen.'));
      return;
    }
    previewButton.disabled = true;
    try {
      const answer = await api.upload(`/regions/${region.regionId}/imports/preview`, formData());
      showPreview(answer);
      ctx.announce(answer.accepted ? 'Probelauf: alle Zeilen angenommen.' : `Probelauf: ${answer.counts.refusedRows} Zeile(n) abgelehnt.`);
    } catch (error) {
      message.append(errorBox(error));
    } finally {
      previewButton.disabled = false;
    }
  }

  function showPreview(answer) {
    const c = answer.counts;
    const parts = [
      h('h2', {}, 'Probelauf'),
      h('p', { id: 'import-zusammenfassung' },
        `${answer.format}: ${c.rows} Zeilen, ${c.commandsToWrite} Befehle zu schreiben`,
        c.commandsAlreadyWritten ? `, ${c.commandsAlreadyWritten} bereits geschrieben` : '', '.'),
    ];
    if (answer.proposals.conferences.length || answer.proposals.committees.length) {
      parts.push(h('h3', {}, 'Neu anzulegen'), h('ul', { id: 'import-neu' },
        answer.proposals.conferences.map((k) => h('li', {}, `Konferenz ${k.name} am ${date(k.date)}`)),
        answer.proposals.committees.map((g) => h('li', {}, `Gremium ${g.name} (${KIND[g.kind] ?? g.kind}) ab ${date(g.registeredOn)}`)),
      ));
    }
    if (!answer.accepted) {
      parts.push(
        h('div', { class: 'fehler', role: 'alert' }, h('p', {}, h('strong', {}, 'Nichts wird geschrieben: '), `${c.refusedRows} Zeile(n) abgelehnt. Bitte die Liste korrigieren und erneut prüfen.`)),
        table('Abgelehnte Zeilen', ['Zeile', 'Spalte', 'Grund'], answer.errors.map((e) => [String(e.line), e.column, e.message]), { className: 'import-fehler' }),
      );
    }
    const rows = answer.rows.map((r) => [
      String(r.line),
      r.reference,
      r.title,
      h('ul', { class: 'import-befehle' }, r.steps.map((s) => h('li', {}, `${s.description}${s.verdict === 'written' ? ' – bereits geschrieben' : ''}`))),
    ]);
    parts.push(table(answer.rows.length < c.rows ? `Die ersten ${answer.rows.length} Zeilen` : 'Zeilen', ['Zeile', 'Kennung', 'Titel', 'Befehle'], rows, { className: 'import-vorschau', emptyText: 'Keine angenommenen Zeilen.' }));
    if (answer.accepted) {
      const confirm = h('button', { type: 'button', class: 'knopf', id: 'import-bestaetigen' }, c.commandsToWrite ? `${c.commandsToWrite} Befehle importieren` : 'Import bestätigen (nichts zu schreiben)');
      confirm.addEventListener('click', () => runImport(confirm));
      parts.push(confirm);
    }
    show(result, ...parts);
  }

  async function runImport(button) {
    button.disabled = true;
    previewButton.disabled = true;
    const bar = h('progress', { id: 'import-fortschritt', max: 1, value: 0 });
    const status = h('p', { role: 'status' }, 'Import läuft …');
    result.append(h('div', { class: 'import-lauf' }, h('label', { for: 'import-fortschritt' }, 'Fortschritt'), bar, status));
    try {
      const started = await api.upload(`/regions/${region.regionId}/imports`, formData());
      let job = started;
      while (job.state === 'running') {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        status.textContent = `Import läuft: ${job.done} von ${job.total} Befehlen.`;
        await new Promise((resolve) => setTimeout(resolve, 400));
        job = await api.get(`/regions/${region.regionId}/imports/${started.importId}`);
      }
      bar.max = Math.max(job.total, 1);
      bar.value = job.state === 'done' ? bar.max : job.done;
      status.textContent = job.state === 'done' ? `Import abgeschlossen: ${job.done} Befehle geschrieben.` : job.error;
      status.className = job.state === 'done' ? 'erfolg' : 'fehler';
      ctx.announce(status.textContent);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) status.textContent = `Nichts geschrieben: ${error.message}`;
      else status.replaceWith(errorBox(error));
    } finally {
      previewButton.disabled = false;
    }
  }

  show(main,
    h('h1', {}, 'Liste importieren'),
    h('p', {}, 'Eine vorhandene Liste von Empfehlungen (.xlsx oder .csv) übernehmen. Der Probelauf zeigt je Zeile, was geschrieben würde, oder warum nicht; geschrieben wird erst nach Bestätigung, und nur, wenn alle Zeilen angenommen sind. Dieselbe Datei erneut importiert schreibt nichts doppelt.'),
    h('form', { class: 'formular', id: 'import-formular', onsubmit: preview },
      h('div', { class: 'feld' }, h('label', { for: 'import-datei' }, 'Datei'), h('span', { class: 'hinweis' }, 'Excel (.xlsx) oder CSV (Trennzeichen ; oder ,), höchstens 10 MB'), file),
      h('details', {}, h('summary', {}, 'Spaltenzuordnung anpassen'),
        h('p', { class: 'hinweis' }, 'Überschrift der Spalte in Ihrer Liste, je Feld. Groß- und Kleinschreibung und Leerzeichen spielen keine Rolle. Listen in einer Zelle mit ; oder Zeilenumbruch trennen; Daten als TT.MM.JJJJ (auch 3.5.21).'),
        MAPPING.map(([field]) => h('div', { class: 'feld' }, h('label', { for: `spalte-${field}` }, FIELD_LABEL[field]), inputs[field])),
      ),
      message,
      previewButton,
    ),
    result,
  );
}
