// Übersicht: the funnel of every conference side by side, and the key figures of one cohort.
import { api } from '../api.js';
import { date, percent } from '../format.js';
import { empty, h, loading, show } from '../dom.js';
import { STAGE, label } from '../labels.js';
import { asOfLine, asOfPicker, errorBox, figureCards } from '../ui.js';

const STAGES = ['adopted', 'handedOff', 'accepted', 'reported', 'implemented', 'verified', 'impactMeasured', 'sustained'];

export async function renderOverview(main, ctx) {
  const { region, params, navigate } = ctx;
  const asOf = params.get('asOf') ?? '';
  document.title = 'Übersicht – Empfehlungsradar';
  const funnel = await api.get(`/regions/${region.regionId}/views/funnel`, { asOf });
  if (ctx.stale()) return;
  const conferences = funnel.conferences ?? [];
  const chosen = conferences.find((c) => c.conferenceId === params.get('kohorte')) ?? conferences.at(-1);
  const go = (changes) => navigate('uebersicht', { kohorte: chosen?.conferenceId, asOf, ...changes });

  const figuresBox = h('section', { class: 'abschnitt', 'aria-labelledby': 'kennzahlen-titel' });
  show(main,
    h('h1', {}, 'Übersicht'),
    h('p', { class: 'einleitung' }, 'Was aus den Empfehlungen jeder Bildungskonferenz geworden ist: von der Beschlussfassung bis zur nachhaltigen Verankerung.'),
    asOfPicker(asOf, (value) => go({ asOf: value })),
    asOfLine(funnel),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'trichter-titel' },
      h('h2', { id: 'trichter-titel' }, 'Trichter je Konferenz'),
      h('p', { class: 'hinweis' }, 'Jede Gruppe ist eine Konferenz; die Balken zeigen, wie viele ihrer Empfehlungen die jeweilige Stufe erreicht haben (Höhe: Anteil an den beschlossenen).'),
      conferences.length === 0 ? empty('Noch keine Empfehlungen beschlossen.') : funnelChart(conferences),
      conferences.length === 0 ? null : funnelTable(conferences),
    ),
    figuresBox,
  );

  if (!chosen) {
    show(figuresBox, h('h2', { id: 'kennzahlen-titel' }, 'Kennzahlen'), empty('Ohne Konferenz mit Empfehlungen gibt es noch keine Kennzahlen.'));
    return;
  }
  const select = h('select', { id: 'kohorte', name: 'kohorte', onchange: () => go({ kohorte: select.value }) },
    conferences.map((c) => h('option', { value: c.conferenceId, selected: c.conferenceId === chosen.conferenceId }, `${c.label} (${date(c.date)})`)),
  );
  const cards = h('div', {}, loading('Kennzahlen werden geladen'));
  show(figuresBox,
    h('h2', { id: 'kennzahlen-titel' }, `Kennzahlen: ${chosen.label}`),
    h('div', { class: 'filterzeile' }, h('div', { class: 'feld' }, h('label', { for: 'kohorte' }, 'Kohorte (Konferenz)'), select)),
    cards,
  );
  try {
    const figures = await api.get(`/regions/${region.regionId}/figures`, { cohort: `conference:${chosen.conferenceId}`, asOf });
    if (ctx.stale()) return;
    const group = figures.groups?.[0];
    show(cards, group ? figureCards(group.figures, figures.params) : empty('Keine Kennzahlen für diese Kohorte.'));
  } catch (error) {
    show(cards, errorBox(error, () => go({})));
  }
}

function funnelChart(conferences) {
  return h('div', { class: 'trichter', role: 'group', 'aria-label': 'Trichter je Konferenz' },
    h('ul', { class: 'legende', 'aria-label': 'Legende' }, STAGES.map((s, i) => h('li', {}, h('span', { class: `farbe stufe-${i}` }), label(STAGE, s)))),
    h('ol', { class: 'trichter-gruppen' },
      conferences.map((c) => {
        const adopted = c.stages.find((s) => s.stage === 'adopted')?.count ?? 0;
        return h('li', { class: 'trichter-gruppe', 'data-konferenz': c.label },
          h('ol', { class: 'balken', 'aria-label': `${c.label}: ${adopted} beschlossen` },
            STAGES.map((stage, i) => {
              const s = c.stages.find((x) => x.stage === stage) ?? { count: 0, share: null };
              const bar = h('span', { class: `balken-saeule stufe-${i}` });
              bar.style.height = `${Math.max(0, Math.min(1, s.share ?? 0)) * 100}%`;
              return h('li', { class: 'balken-eintrag', title: `${label(STAGE, stage)}: ${s.count} (${percent(s.share)})` },
                h('span', { class: 'balken-zahl' }, String(s.count)),
                h('span', { class: 'balken-flaeche' }, bar),
                h('span', { class: 'nur-vorlesen' }, `${label(STAGE, stage)}: ${s.count}, ${percent(s.share)}`),
              );
            }),
          ),
          h('p', { class: 'trichter-name' }, breakable(c.label), h('br'), h('span', { class: 'klein' }, date(c.date))),
        );
      }),
    ),
  );
}

function funnelTable(conferences) {
  return h('details', { class: 'als-tabelle' },
    h('summary', {}, 'Trichter als Tabelle'),
    h('div', { class: 'tabelle-rahmen' },
      h('table', {},
        h('caption', {}, 'Anzahl und Anteil der Empfehlungen je Stufe'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Konferenz'), STAGES.map((s) => h('th', { scope: 'col' }, label(STAGE, s))))),
        h('tbody', {},
          conferences.map((c) =>
            h('tr', {},
              h('th', { scope: 'row' }, c.label),
              STAGES.map((stage) => {
                const s = c.stages.find((x) => x.stage === stage);
                return h('td', { class: 'zahl' }, s ? `${s.count} (${percent(s.share)})` : '–');
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Long German compounds may break in the narrow bar groups (a soft hyphen needs no dictionary). */
const breakable = (text) => text.replace(/Bildungskonferenz/g, 'Bildungs\u00ADkonferenz');
