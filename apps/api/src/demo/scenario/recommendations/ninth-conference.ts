import { FOA } from '../fields-of-action';
import type { DemoRecommendation } from '../types';
import { demoText, evidence, lk } from './helpers';

/** 9. BK (postponed by the pandemic to March 2021): the current work, some of it still open. */
export const NINTH_CONFERENCE: DemoRecommendation[] = [
  {
    key: 'bk9-1', conference: 'bk9', reference: '9. BK / 1', adoptedOn: '2021-03-17',
    title: 'Bildungsmonitoring im Rahmen von „Bildung integriert“ aufbauen',
    text: demoText('Die Bildungskonferenz empfiehlt, ein datenbasiertes kommunales Bildungsmonitoring aufzubauen, das Schulentwicklungs- und Jugendhilfeplanung gemeinsam nutzen, und es jährlich fortzuschreiben.'),
    fieldsOfAction: [FOA.monitoring, FOA.ijhsep], addressees: { committees: ['ijhsep'], decisionMakers: ['Schulverwaltungsamt', 'Jugendamt'] }, origin: ['ijhsep'],
    story: [
      { do: 'handOff', committee: 'ijhsep', decidedOn: '2021-04-14', reportDueOn: '2022-03-13', mandate: 'Indikatorenset festlegen, Datenquellen erschließen, jährlichen Bericht vorlegen.', decisionReference: lk('2021/2', 1), label: 'bk9-1-handoff' },
      { do: 'accept', committee: 'ijhsep', on: '2021-05-03', contact: 'Geschäftsführung AG IJHSEP (Demo)' },
      // The due date was entered with swapped digits (13 for 31); corrected, the original stays visible.
      { do: 'correct', on: '2021-05-12', of: 'bk9-1-handoff', type: 'RecommendationHandedOff', fields: { reportDueOn: '2022-03-31', mandate: 'Indikatorenset festlegen, Datenquellen erschließen, jährlichen Bildungsbericht vorlegen.' }, reason: 'Berichtstermin falsch übertragen (13. statt 31. März); Auftrag laut Protokoll des Lenkungskreises präzisiert.' },
      { do: 'indicator', committee: 'ijhsep', indicator: 'indikatoren', on: '2021-06-09', name: 'Indikatoren des Bildungsmonitorings mit jährlicher Fortschreibung', unit: 'Indikatoren', direction: 'increase', baseline: { value: 4, on: '2021-03-17' }, target: { value: 30, dueOn: '2025-12-31' }, source: 'Regionales Bildungsbüro' },
      { do: 'report', committee: 'ijhsep', on: '2022-03-23', status: 'in_progress', progress: 50, summary: 'Indikatorenset beschlossen; erste Datenlieferungen aus Schulstatistik und Jugendhilfe.', nextDue: '2023-03-31' },
      { do: 'measure', committee: 'ijhsep', indicator: 'indikatoren', on: '2022-03-31', value: 9, source: 'Regionales Bildungsbüro' },
      { do: 'measure', committee: 'ijhsep', indicator: 'indikatoren', on: '2023-03-31', value: 16, source: 'Regionales Bildungsbüro' },
      { do: 'measure', committee: 'ijhsep', indicator: 'indikatoren', on: '2024-03-31', value: 22, source: 'Regionales Bildungsbüro' },
      { do: 'report', committee: 'ijhsep', on: '2024-05-15', status: 'partially_implemented', progress: 80, summary: 'Erster Bildungsmonitoringbericht veröffentlicht.', evidence: [evidence('Bildungsmonitoring 2024 (Demo)', 'bildungsmonitoring-2024.pdf')], nextDue: '2025-05-31' },
      { do: 'review', on: '2024-11-13', outcome: 'at_risk', anchoring: ['staff'], note: 'Förderung „Bildung integriert“ läuft aus; Verstetigung der Stellen offen.' },
      { do: 'measure', committee: 'ijhsep', indicator: 'indikatoren', on: '2025-03-31', value: 27, source: 'Regionales Bildungsbüro' },
      { do: 'measure', committee: 'ijhsep', indicator: 'indikatoren', on: '2026-03-31', value: 29, source: 'Regionales Bildungsbüro' },
      { do: 'report', committee: 'ijhsep', on: '2026-05-20', status: 'implemented', progress: 100, summary: 'Monitoring jährlich fortgeschrieben; Stellen in den Haushalt übernommen.', evidence: [evidence('Bildungsmonitoring 2026 (Demo)', 'bildungsmonitoring-2026.pdf')] },
      { do: 'review', on: '2026-09-16', outcome: 'sustained', anchoring: ['staff', 'budget', 'regular_structure'], note: 'Zwei Stellen entfristet; Bericht ist fester Bestandteil der Schulentwicklungsplanung.' },
    ],
  },
  {
    key: 'bk9-2', conference: 'bk9', reference: '9. BK / 2', adoptedOn: '2021-03-17',
    title: 'Lebensbegleitende Berufsberatung: Anlaufstellen der Jugendberufsagentur in den Stadtbezirken',
    text: demoText('Die Bildungskonferenz empfiehlt, die lebensbegleitende Berufsberatung der Agentur für Arbeit mit Anlaufstellen in den Stadtbezirken zu verbinden.'),
    fieldsOfAction: [FOA.berufsberatung, FOA.schuleBeruf], addressees: { committees: ['bok', 'ag78'], decisionMakers: ['Agentur für Arbeit', 'Jobcenter'] }, origin: ['bok'],
    story: [
      { do: 'handOff', committee: 'bok', decidedOn: '2021-04-14', reportDueOn: '2022-03-31', mandate: 'Anlaufstellen mit Agentur für Arbeit und Jobcenter planen.', decisionReference: lk('2021/2', 2) },
      { do: 'handOff', committee: 'ag78', decidedOn: '2021-04-14', reportDueOn: '2021-12-31', mandate: 'Angebote der Jugendsozialarbeit einbinden.', decisionReference: lk('2021/2', 2) },
      { do: 'accept', committee: 'bok', on: '2021-05-10' },
      { do: 'accept', committee: 'ag78', on: '2021-05-17' },
      // AG 78 promised a report for mid-2022 and has not reported since: overdue.
      { do: 'report', committee: 'ag78', on: '2021-11-24', status: 'planned', progress: 10, summary: 'Träger der Jugendsozialarbeit benannt.', nextDue: '2022-06-30' },
      { do: 'report', committee: 'bok', on: '2022-02-16', status: 'in_progress', progress: 30, summary: 'Erste Anlaufstelle im Stadtbezirk 6 eröffnet.' },
      { do: 'amend', on: '2022-05-11', reason: 'Der Lenkungskreis bezieht die Hochschulen ein (Studienabbrecherinnen und -abbrecher).', text: demoText('Die Bildungskonferenz empfiehlt, die lebensbegleitende Berufsberatung der Agentur für Arbeit mit Anlaufstellen in den Stadtbezirken zu verbinden und die Hochschulen für die Beratung bei Studienabbruch einzubeziehen.') },
      { do: 'report', committee: 'bok', on: '2023-06-21', status: 'in_progress', progress: 55, summary: 'Anlaufstellen in fünf Stadtbezirken; Kooperation mit der Hochschule vereinbart.', nextDue: '2024-06-30' },
      { do: 'report', committee: 'bok', on: '2025-07-02', status: 'partially_implemented', progress: 70, summary: 'Anlaufstellen in sieben von zehn Stadtbezirken.', nextDue: '2026-07-31' },
    ],
  },
  {
    key: 'bk9-3', conference: 'bk9', reference: '9. BK / 3', adoptedOn: '2021-03-17',
    title: 'Bildung und Gesundheit: Gesundheitsfachkräfte an Grundschulen',
    text: demoText('Die Bildungskonferenz empfiehlt, an Grundschulen in Stadtteilen mit besonderem Bedarf Gesundheitsfachkräfte einzusetzen.'),
    fieldsOfAction: [FOA.gesundheit, FOA.f010], addressees: { committees: ['ags'], decisionMakers: ['Gesundheitsamt'] }, origin: [],
    // Blocked since early 2022, nothing since: stalled.
    story: [
      { do: 'handOff', committee: 'ags', decidedOn: '2021-04-14', reportDueOn: '2021-12-31', mandate: 'Finanzierung und Träger für ein Modellprojekt klären.', decisionReference: lk('2021/2', 3) },
      { do: 'accept', committee: 'ags', on: '2021-06-10', byOffice: true },
      { do: 'report', committee: 'ags', on: '2022-01-19', status: 'blocked', summary: 'Modellprojekt nicht gestartet.', reason: 'Die Landesförderung für Schulgesundheitsfachkräfte wurde beendet; städtische Mittel sind nicht eingeplant.', byOffice: true },
    ],
  },
  {
    key: 'bk9-4', conference: 'bk9', reference: '9. BK / 4', adoptedOn: '2021-03-17',
    title: 'Partizipation: Schülervertretungen in der Bildungskonferenz',
    text: demoText('Die Bildungskonferenz empfiehlt, die Bezirksschülervertretung und den Stadtjugendring mit eigenen Sitzen zu beteiligen.'),
    fieldsOfAction: [FOA.partizipation], addressees: { committees: ['jugendrat'], decisionMakers: ['Bezirksschülervertretung', 'Jugendring'] }, origin: [],
    story: [
      { do: 'handOff', committee: 'jugendrat', decidedOn: '2021-04-14', reportDueOn: '2021-12-31', mandate: 'Beteiligungsformat mit Bezirksschülervertretung und Jugendring vereinbaren.', decisionReference: lk('2021/2', 4) },
      { do: 'accept', committee: 'jugendrat', on: '2021-05-06' },
      { do: 'report', committee: 'jugendrat', on: '2021-12-08', status: 'implemented', progress: 100, summary: 'Vier Sitze für junge Menschen; eigene Vorbesprechung vor jeder Konferenz.' },
      { do: 'review', on: '2023-01-18', outcome: 'sustained', anchoring: ['agreement', 'regular_structure'], note: 'In der Geschäftsordnung verankert.' },
      { do: 'review', on: '2025-06-18', outcome: 'sustained', anchoring: ['agreement', 'regular_structure'], note: 'Sitze besetzt, Beteiligung rege.' },
    ],
  },
  {
    key: 'bk9-5', conference: 'bk9', reference: '9. BK / 5', adoptedOn: '2021-03-17',
    title: 'Weiterbildung: Grundbildungsangebote für Erwachsene ausbauen',
    text: demoText('Die Bildungskonferenz empfiehlt, Angebote der Alphabetisierung und Grundbildung für Erwachsene wohnortnah auszubauen.'),
    fieldsOfAction: [FOA.weiterbildung], addressees: { committees: ['senior', 'ags'], decisionMakers: ['Volkshochschule'] }, origin: [],
    story: [
      { do: 'handOff', committee: 'senior', decidedOn: '2021-04-14', reportDueOn: '2021-12-31', mandate: 'Bedarf älterer Menschen einbringen.', decisionReference: lk('2021/2', 5) },
      { do: 'decline', committee: 'senior', on: '2021-06-08', reason: 'Der Seniorenrat ist nur für einen Teil der Zielgruppe zuständig; die Volkshochschule sollte federführen.' },
      { do: 'handOff', committee: 'ags', decidedOn: '2021-09-15', reportDueOn: '2022-06-30', mandate: 'Grundbildungsangebote mit der Volkshochschule im Sozialraum verankern.', decisionReference: lk('2021/4', 2) },
      { do: 'accept', committee: 'ags', on: '2021-10-07', byOffice: true },
      { do: 'report', committee: 'ags', on: '2022-06-22', status: 'in_progress', progress: 40, summary: 'Lernorte in vier Stadtteilbüchereien.', byOffice: true },
      { do: 'report', committee: 'ags', on: '2024-02-21', status: 'implemented', progress: 100, summary: 'Grundbildung an zwölf Lernorten im Sozialraum.', byOffice: true },
      { do: 'review', on: '2026-02-11', outcome: 'lapsed', anchoring: ['none'], note: 'Nach Ende der Bundesförderung nur noch zwei Lernorte.' },
    ],
  },
  {
    key: 'bk9-6', conference: 'bk9', reference: '9. BK / 6', adoptedOn: '2021-03-17',
    title: 'Praxistage der Wirtschaft in Klasse 8 verbindlich',
    text: demoText('Die Bildungskonferenz empfiehlt, an allen weiterführenden Schulen Praxistage mit Düsseldorfer Betrieben in Klasse 8 verbindlich anzubieten.'),
    fieldsOfAction: [FOA.schuleBeruf], addressees: { committees: ['schuwi'], decisionMakers: ['Industrie- und Handelskammer', 'Handwerkskammer'] }, origin: ['schuwi'],
    // Handed off only this autumn: waiting for the committee's answer (the demo member can accept it).
    story: [
      { do: 'handOff', committee: 'schuwi', decidedOn: '2026-09-16', reportDueOn: '2027-03-31', mandate: 'Praxistage mit den Kammern organisieren; Betriebe je Stadtbezirk gewinnen.', decisionReference: lk('2026/3', 2) },
    ],
  },
  {
    key: 'bk9-7', conference: 'bk9', reference: '9. BK / 7', adoptedOn: '2021-03-17',
    title: 'Übergangsgespräche Klasse 4/5 mit der Jugendhilfe',
    text: demoText('Die Bildungskonferenz empfiehlt, die Jugendhilfe in die Übergangsgespräche zwischen Grundschule und weiterführender Schule einzubeziehen, wenn Familien es wünschen.'),
    fieldsOfAction: [FOA.pSek, FOA.ijhsep], addressees: { committees: ['psek', 'jha'], decisionMakers: [] }, origin: ['psek'],
    story: [
      { do: 'handOff', committee: 'psek', decidedOn: '2026-10-14', reportDueOn: '2027-06-30', mandate: 'Gesprächsleitfaden mit Grund- und weiterführenden Schulen entwickeln.', decisionReference: lk('2026/4', 1) },
      { do: 'handOff', committee: 'jha', decidedOn: '2026-10-14', reportDueOn: '2027-06-30', mandate: 'Ansprechpersonen der Bezirkssozialdienste benennen.', decisionReference: lk('2026/4', 1) },
      { do: 'accept', committee: 'jha', on: '2026-11-04', byOffice: true },
    ],
  },
  {
    key: 'bk9-8', conference: 'bk9', reference: '9. BK / 8', adoptedOn: '2021-03-17',
    title: 'Kulturrucksack für alle Grundschulen',
    text: demoText('Die Bildungskonferenz empfiehlt, allen Grundschulkindern jährlich mindestens zwei Angebote kultureller Bildung zu ermöglichen.'),
    fieldsOfAction: [FOA.kultur, FOA.f010], addressees: { committees: [], decisionMakers: ['Kulturamt'] }, origin: ['kultur'],
    // Adopted, never handed off.
    story: [],
  },
];
