// Empfehlung erfassen (Bildungsbüro): a recommendation as the conference adopted it. Planned
// conferences are offered too, so the office can prepare before the minutes are final.
import { h, show } from '../dom.js';
import { date, todayIso } from '../format.js';
import { everything, mayIssue } from '../forms/choices.js';
import { commandForm, savedNotice } from '../forms/command-form.js';

export async function renderAdopt(main, ctx) {
  const { region, account, navigate, params } = ctx;
  document.title = 'Empfehlung erfassen – Empfehlungsradar';
  if (!mayIssue(account, 'AdoptRecommendation')) {
    show(main, h('h1', {}, 'Empfehlung erfassen'), h('p', { class: 'leer' }, 'Empfehlungen erfasst das Regionale Bildungsbüro.'));
    return;
  }
  const base = `/regions/${region.regionId}`;
  const [conferences, committees] = await Promise.all([everything(`${base}/conferences`), everything(`${base}/committees`, { status: 'active' })]);
  if (ctx.stale()) return;
  const chosen = params.get('konferenz') ?? conferences.at(-1)?.conferenceId;
  const committeeOptions = committees.map((c) => [c.committeeId, c.name]);
  const form = commandForm({
    name: 'adopt', title: 'Beschlossene Empfehlung', submit: 'Empfehlung speichern', heading: 'h2',
    dateField: 'adoptedOn',
    fields: [
      { name: 'conferenceId', label: 'Bildungskonferenz', type: 'select', value: chosen,
        options: conferences.map((c) => [c.conferenceId, `${c.label} (${c.status === 'held' ? '' : 'geplant, '}${date(c.date)}; ${c.recommendationCount} Empfehlungen)`]) },
      { name: 'reference', label: 'Nummer', hint: 'z. B. 9. BK / 3' },
      { name: 'title', label: 'Titel' },
      { name: 'text', label: 'Wortlaut', type: 'textarea', rows: 6 },
      { name: 'fieldsOfAction', label: 'Handlungsfelder', type: 'lines', hint: 'je Zeile eines, z. B. Inklusion' },
      { name: 'committeeIds', label: 'Adressierte Gremien', type: 'checkboxes', options: committeeOptions, paths: ['addressees.committeeIds', 'addressees'], emptyText: 'Noch kein Gremium registriert.' },
      { name: 'decisionMakers', label: 'Weitere Adressaten', type: 'lines', hint: 'je Zeile einer, z. B. Rat der Stadt', paths: ['addressees.decisionMakers'] },
      { name: 'originCommitteeIds', label: 'Eingebracht von', type: 'checkboxes', options: committeeOptions, emptyText: 'Noch kein Gremium registriert.' },
      { name: 'adoptedOn', label: 'Beschlossen am', type: 'date', value: todayIso() },
    ],
    path: () => `${base}/recommendations`,
    body: (v) => ({
      conferenceId: v.conferenceId ?? '', reference: v.reference ?? '', title: v.title ?? '', text: v.text ?? '', fieldsOfAction: v.fieldsOfAction,
      addressees: { committeeIds: v.committeeIds, decisionMakers: v.decisionMakers }, originCommitteeIds: v.originCommitteeIds, adoptedOn: v.adoptedOn,
    }),
    done: (answer, values) => {
      sessionStorage.setItem('empfehlungsradar.meldung', `Die Empfehlung ${values.reference} ist gespeichert.`);
      navigate('empfehlung', {}, answer.id);
    },
  });
  show(main,
    h('h1', {}, 'Empfehlung erfassen'),
    savedNotice(),
    conferences.length === 0
      ? h('p', { class: 'leer' }, 'Zuerst eine Bildungskonferenz ansetzen (Verwaltung).')
      : form,
  );
}
