import type { DemoConference } from './types';

/**
 * "Entwicklung": 1. BK (2009) to 9. BK and the 1. Tag der Bildung. Only the Tag der Bildung's date
 * (Samstag, 14. September 2019) is in the documents; the other dates are invented, in the order of
 * the slide and the two-year cycle (BK prepares the Tag der Bildung, a later BK follows it up).
 */
export const DEMO_CONFERENCES: readonly DemoConference[] = [
  {
    key: 'bk1', number: 1, kind: 'bildungskonferenz', title: '1. Bildungskonferenz', motto: 'Lebenslanges Lernen im Blick',
    topics: ['Kooperationsvertrag und Struktur der Bildungsregion', 'Handlungsfelder der Bildungsregion'],
    scheduledOn: '2009-09-15', plannedDate: '2009-11-25', heldOn: '2009-11-25',
  },
  {
    key: 'bk2', number: 2, kind: 'bildungskonferenz', title: '2. Bildungskonferenz', motto: 'Bildungsförderung für Kinder von 0 - 10 Jahren',
    topics: ['Bildungsförderung für Kinder von 0 - 10 Jahren', 'Übergang Kita – Grundschule'],
    scheduledOn: '2010-05-04', plannedDate: '2010-11-17', heldOn: '2010-11-17',
  },
  {
    key: 'bk3', number: 3, kind: 'bildungskonferenz', title: '3. Bildungskonferenz', motto: 'Inklusion',
    topics: ['Inklusion', 'Gemeinsames Lernen in allgemeinen Schulen'],
    scheduledOn: '2011-05-10', plannedDate: '2011-11-23', heldOn: '2011-11-23',
  },
  {
    key: 'bk4', number: 4, kind: 'bildungskonferenz', title: '4. Bildungskonferenz', motto: 'Empfehlung des OB zur Anbindung an Ausschüsse',
    topics: ['Anbindung der Bildungskonferenz an die Ausschüsse des Rates', 'Beteiligung junger Menschen'],
    scheduledOn: '2012-05-08', plannedDate: '2012-11-14', heldOn: '2012-11-14',
  },
  {
    key: 'bk5', number: 5, kind: 'bildungskonferenz', title: '5. Bildungskonferenz', motto: 'Kein Abschluss ohne Anschluss',
    topics: ['Übergang Schule/Beruf', 'Kommunale Koordinierung', 'Berufsorientierung'],
    scheduledOn: '2013-05-14', plannedDate: '2013-11-27', heldOn: '2013-11-27',
  },
  {
    key: 'bk6', number: 6, kind: 'bildungskonferenz', title: '6. Bildungskonferenz', motto: 'Neuausrichtung',
    topics: [
      'Wenig Wirkung, kaum Nachhaltigkeit: Rückblick auf fünf Bildungskonferenzen',
      'Enge Bindung an Fachgremien',
      'Themenfindung aus der Arbeit der Fachgremien heraus',
      'Abgestimmte Ziele und Empfehlungen an Ausschüsse, Fachgremien, Entscheidungsträger',
    ],
    scheduledOn: '2015-01-20', plannedDate: '2015-06-24', heldOn: '2015-06-24',
  },
  {
    key: 'bk7', number: 7, kind: 'bildungskonferenz', title: '7. Bildungskonferenz',
    topics: ['Themen aus Fachgremien', 'Vorbereitung Tag der Bildung', 'Bildungsangebote für Neuzugewanderte', 'Gewaltprävention an Schulen'],
    scheduledOn: '2018-05-15', plannedDate: '2018-11-21', heldOn: '2018-11-21',
  },
  {
    key: 'tdb1', number: 1, kind: 'tag_der_bildung', title: '1. Tag der Bildung der Bildungsregion Landeshauptstadt Düsseldorf',
    motto: 'Bildung im digitalen Zeitalter',
    topics: ['Bildungsparcours: Satelliten um das Rathaus und in der Stadt', 'Erweiterte Bildungskonferenz im Rathaus', 'Abgestimmte Empfehlungen an Entscheidungsträger'],
    scheduledOn: '2018-12-11', plannedDate: '2019-09-14', heldOn: '2019-09-14',
  },
  {
    key: 'bk8', number: 8, kind: 'bildungskonferenz', title: '8. Bildungskonferenz',
    topics: ['Nachbereitung Tag der Bildung', 'Übergang von der Primarstufe in die Sekundarstufe I', 'MINT-Bildung'],
    scheduledOn: '2019-05-14', plannedDate: '2019-11-20', heldOn: '2019-11-20',
  },
  {
    key: 'bk9', number: 9, kind: 'bildungskonferenz', title: '9. Bildungskonferenz',
    topics: ['Lebensbegleitende Berufsberatung', 'Bildung und Gesundheit', 'Bildungspolitische Ausrichtung des Landes NRW', 'Partizipation – Stadtjugendring', 'Weiterbildung'],
    scheduledOn: '2019-12-10', plannedDate: '2020-03-25',
    reschedule: { on: '2020-03-13', date: '2021-03-17', reason: 'Wegen der Corona-Pandemie verschoben; die Konferenz tagt digital.' },
    heldOn: '2021-03-17',
  },
];
