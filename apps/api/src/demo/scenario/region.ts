import type { DemoRegion } from './types';

/** The name says it: everything in this region is invented demo data built on the public documents. */
export const DEMO_REGION: DemoRegion = {
  name: 'Bildungsregion Stadt Düsseldorf (Demodaten)',
  // Kooperationsvertrag zur Entwicklung eines Bildungsnetzwerkes, Düsseldorf, 24. August 2009.
  contractSignedOn: '2009-08-24',
};

/** Appended to every invented text, so no reader takes it for a real decision. */
export const DEMO_NOTE = '(Demodaten: frei erfundenes Beispiel auf Grundlage öffentlicher Unterlagen.)';

/** Evidence links point to a reserved example domain, never to a real document. */
export const demoUrl = (path: string) => `https://demo.empfehlungsradar.example/${path}`;
