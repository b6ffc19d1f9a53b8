/** Handlungsfelder, named as in Düsseldorf's "Themen und Präsentationen" after the Neuausrichtung. */
export const FOA = {
  inklusion: 'Inklusion',
  ijhsep: 'Integrierte Jugendhilfe- und Schulentwicklungsplanung',
  f010: 'Bildungsförderung 0–10',
  pSek: 'Übergang Primarstufe/Sekundarstufe I',
  schuleBeruf: 'Übergang Schule/Beruf',
  weiterbildung: 'Weiterbildung',
  neuzugewanderte: 'Neuzugewanderte',
  eltern: 'Elternschaft',
  partizipation: 'Partizipation',
  monitoring: 'Bildungsmonitoring',
  berufsberatung: 'Lebensbegleitende Berufsberatung',
  gesundheit: 'Bildung und Gesundheit',
  digital: 'Bildung im digitalen Zeitalter',
  kultur: 'Kulturelle Bildung',
} as const;
