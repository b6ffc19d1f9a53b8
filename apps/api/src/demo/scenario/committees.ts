import { FOA } from './fields-of-action';
import type { DemoCommittee } from './types';

/**
 * "Bildungskonferenz ► Gremien": the Fachgremien whose work generates the conference topics.
 * Registration dates are invented (before their first hand-off).
 */
const FACHGREMIEN: DemoCommittee[] = [
  { key: 'ag78', name: 'AG 78 – Jugendsozialarbeit', shortName: 'AG 78', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf, FOA.partizipation], registeredOn: '2009-12-01' },
  { key: 'bok', name: 'Berufsorientierungskommission', shortName: 'BOK', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf, FOA.berufsberatung], registeredOn: '2009-12-01' },
  { key: 'sport', name: 'Düsseldorfer Modell Sportförderung', shortName: 'DMS', kind: 'fachgremium', fieldsOfAction: [FOA.gesundheit, FOA.f010], registeredOn: '2009-12-01' },
  { key: 'gewalt', name: 'Gewaltprävention an Schulen', shortName: 'Gewaltprävention', kind: 'fachgremium', fieldsOfAction: [FOA.gesundheit, FOA.partizipation], registeredOn: '2010-03-01' },
  { key: 'mint', name: 'MINT-Netzwerk', shortName: 'MINT', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf, FOA.digital], registeredOn: '2013-02-01' },
  { key: 'kultur', name: 'Netzwerk Kulturelle Bildung', shortName: 'NKB', kind: 'fachgremium', fieldsOfAction: [FOA.kultur], registeredOn: '2010-03-01' },
  { key: 'rath', name: 'Rather Modell', shortName: 'Rather Modell', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf, FOA.inklusion], registeredOn: '2010-03-01' },
  { key: 'ring', name: 'BildungsRING Schule', shortName: 'BildungsRING', kind: 'fachgremium', fieldsOfAction: [FOA.eltern, FOA.monitoring], registeredOn: '2012-01-16' },
  { key: 'f010', name: 'Bildungsförderung 0 - 10', shortName: 'BF 0-10', kind: 'fachgremium', fieldsOfAction: [FOA.f010], registeredOn: '2010-01-15' },
  { key: 'schuwi', name: 'Arbeitskreis Schule/Wirtschaft', shortName: 'Schule/Wirtschaft', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf], registeredOn: '2009-12-01' },
  { key: 'psek', name: 'Übergang Primarstufe → Sekundarstufe I', shortName: 'Übergang P → Sek I', kind: 'fachgremium', fieldsOfAction: [FOA.pSek], registeredOn: '2011-01-17' },
  { key: 'ijhsep', name: 'AG Integrierte Jugendhilfe- und Schulentwicklungsplanung', shortName: 'AG IJHSEP', kind: 'fachgremium', fieldsOfAction: [FOA.ijhsep, FOA.monitoring], registeredOn: '2010-01-15' },
  { key: 'siegel', name: 'Siegel-Jury Berufswahlsiegel', shortName: 'Siegel-Jury', kind: 'fachgremium', fieldsOfAction: [FOA.schuleBeruf], registeredOn: '2014-01-15' },
];

/** "Politische Gremien" among the Bildungskonferenz's members: the council's committees and advisory boards. */
const POLITISCHE_GREMIEN: DemoCommittee[] = [
  { key: 'ags', name: 'Ausschuss für Gesundheit und Soziales', shortName: 'AGS', kind: 'ausschuss', fieldsOfAction: [FOA.gesundheit], registeredOn: '2009-10-01' },
  { key: 'beirat', name: 'Beirat für Menschen mit Behinderung', shortName: 'Behindertenbeirat', kind: 'ausschuss', fieldsOfAction: [FOA.inklusion], registeredOn: '2009-10-01' },
  { key: 'intrat', name: 'Integrationsrat', shortName: 'Integrationsrat', kind: 'ausschuss', fieldsOfAction: [FOA.neuzugewanderte], registeredOn: '2009-10-01' },
  { key: 'jha', name: 'Jugendhilfeausschuss', shortName: 'JHA', kind: 'ausschuss', fieldsOfAction: [FOA.f010, FOA.ijhsep], registeredOn: '2009-10-01' },
  { key: 'jugendrat', name: 'Jugendrat', shortName: 'Jugendrat', kind: 'ausschuss', fieldsOfAction: [FOA.partizipation], registeredOn: '2009-10-01' },
  { key: 'kulta', name: 'Kulturausschuss', shortName: 'KuA', kind: 'ausschuss', fieldsOfAction: [FOA.kultur], registeredOn: '2009-10-01' },
  { key: 'scha', name: 'Schulausschuss', shortName: 'SchA', kind: 'ausschuss', fieldsOfAction: [FOA.inklusion, FOA.ijhsep, FOA.pSek], registeredOn: '2009-10-01' },
  { key: 'senior', name: 'Seniorenrat', shortName: 'Seniorenrat', kind: 'ausschuss', fieldsOfAction: [FOA.weiterbildung], registeredOn: '2009-10-01' },
];

export const DEMO_COMMITTEES: readonly DemoCommittee[] = [...FACHGREMIEN, ...POLITISCHE_GREMIEN];

/** The demo committee member's account acts for these two (both have open hand-offs to decide). */
export const DEMO_MEMBER_COMMITTEES = ['schuwi', 'psek'] as const;
