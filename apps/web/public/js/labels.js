// German words for the API's codes. Unknown codes are shown as they come, never hidden.
export const label = (table, code) => table[code] ?? code;

export const LIFECYCLE = {
  adopted: 'beschlossen',
  handed_off: 'übergeben',
  in_progress: 'in Umsetzung',
  implemented: 'umgesetzt',
  partially_implemented: 'teilweise umgesetzt',
  not_implemented: 'nicht umgesetzt',
  sustained: 'nachhaltig verankert',
  at_risk: 'gefährdet',
  lapsed: 'nicht mehr wirksam',
  withdrawn: 'zurückgenommen',
  superseded: 'ersetzt',
  declined: 'abgelehnt',
};

export const STAGE = {
  adopted: 'beschlossen',
  handedOff: 'übergeben',
  accepted: 'angenommen',
  reported: 'berichtet',
  implemented: 'umgesetzt',
  verified: 'bestätigt',
  impactMeasured: 'Wirkung gemessen',
  sustained: 'nachhaltig',
};

export const HANDOFF_STATE = {
  pending: 'Antwort offen',
  accepted: 'angenommen',
  declined: 'abgelehnt',
  withdrawn: 'zurückgezogen',
};

export const STATUS = {
  not_started: 'nicht begonnen',
  planned: 'geplant',
  in_progress: 'in Umsetzung',
  partially_implemented: 'teilweise umgesetzt',
  implemented: 'umgesetzt',
  not_implemented: 'nicht umgesetzt',
  blocked: 'blockiert',
};

export const STANDING = {
  sustained: 'nachhaltig verankert',
  at_risk: 'gefährdet',
  lapsed: 'nicht mehr wirksam',
  unreviewed: 'nicht geprüft',
};

export const ANCHORING = {
  budget: 'Haushaltsmittel',
  regular_structure: 'Regelstruktur',
  agreement: 'Vereinbarung',
  staff: 'Personal',
  none: 'keine Verankerung',
};

export const ROLE = {
  office: 'Regionales Bildungsbüro',
  steering: 'Lenkungskreis',
  committee: 'Gremium',
  auditor: 'Prüfung',
};

export const DIRECTION = { increase: 'soll steigen', decrease: 'soll sinken' };

/**
 * The figures of metrics.md with a one-line explanation each. `kind` decides the format;
 * the explanation takes the parameters the answer echoes (days, months).
 */
export const FIGURES = [
  { name: 'handoffRate', title: 'Übergabequote', kind: 'share', explain: (p) => `Anteil der Empfehlungen, die innerhalb von ${p.handoffDays} Tagen nach dem Beschluss an ein Gremium übergeben wurden.` },
  { name: 'medianDaysToHandOff', title: 'Tage bis zur Übergabe', kind: 'days', explain: () => 'Mittlere Dauer (Median) vom Beschluss bis zur ersten Übergabe.' },
  { name: 'responseRate', title: 'Antwortquote der Gremien', kind: 'share', explain: (p) => `Anteil der Übergaben, die das Gremium innerhalb von ${p.responseDays} Tagen angenommen oder abgelehnt hat.` },
  { name: 'reportingCompliance', title: 'Berichtstreue', kind: 'share', explain: () => 'Anteil der angenommenen Aufträge, deren Sachstandsbericht nicht überfällig ist.' },
  { name: 'implementationRate', title: 'Umsetzungsquote', kind: 'share', explain: (p) => `Anteil der Empfehlungen, die innerhalb von ${p.implementationMonths} Monaten vollständig umgesetzt wurden.` },
  { name: 'partialImplementationRate', title: 'Teilweise umgesetzt', kind: 'share', explain: (p) => `Anteil der Empfehlungen, die innerhalb von ${p.implementationMonths} Monaten teilweise umgesetzt wurden.` },
  { name: 'medianMonthsToImplementation', title: 'Monate bis zur Umsetzung', kind: 'months', explain: () => 'Mittlere Dauer (Median) vom Beschluss bis zur vollständigen Umsetzung.' },
  { name: 'impactCoverage', title: 'Wirkung gemessen', kind: 'share', explain: () => 'Anteil der umgesetzten Empfehlungen, deren Wirkung nach der Umsetzung gemessen wurde.' },
  { name: 'indicatorAttainment', title: 'Zielerreichung der Indikatoren', kind: 'share', explain: () => 'Wie weit die Indikatoren vom Ausgangswert zum Zielwert gekommen sind (Mittelwert).' },
  { name: 'sustainabilityRate', title: 'Nachhaltig verankert', kind: 'share', explain: (p) => `Anteil der seit mindestens ${p.reviewMonths} Monaten umgesetzten Empfehlungen, deren Prüfung „nachhaltig“ ergab.` },
  { name: 'lapseRate', title: 'Nicht mehr wirksam', kind: 'share', explain: () => 'Gleiche Grundlage: Anteil, deren letzte Prüfung „nicht mehr wirksam“ ergab.' },
  { name: 'unreviewedRate', title: 'Nicht geprüft', kind: 'share', explain: () => 'Gleiche Grundlage: Anteil ohne Nachhaltigkeitsprüfung – der blinde Fleck.' },
  { name: 'anchoredRate', title: 'Strukturell verankert', kind: 'share', explain: () => 'Unter den nachhaltigen: Anteil, der durch Haushaltsmittel oder Regelstruktur gesichert ist.' },
  { name: 'stallRate', title: 'Stockend', kind: 'share', explain: (p) => `Anteil der offenen Empfehlungen ohne jeden Schritt in den letzten ${p.stallDays} Tagen.` },
  { name: 'loopClosureRate', title: 'Ergebnis zurückberichtet', kind: 'share', explain: () => 'Anteil der Empfehlungen, deren Ergebnis einer späteren Bildungskonferenz berichtet wurde.' },
  { name: 'verifiedImplementationRate', title: 'Umsetzung bestätigt', kind: 'share', explain: (p) => `Anteil der Empfehlungen, die innerhalb von ${p.implementationMonths} Monaten umgesetzt und vom Lenkungskreis bestätigt wurden.` },
  { name: 'unverifiedClaimRate', title: 'Meldungen ohne Prüfung', kind: 'share', explain: (p) => `Unter den Meldungen „(teilweise) umgesetzt“, die mindestens ${p.verificationDays ?? 60} Tage alt sind: Anteil, den der Lenkungskreis noch nicht bestätigt hat.` },
  { name: 'dueDateRevisionRate', title: 'Berichtsfristen verlängert', kind: 'share', explain: () => 'Anteil der angenommenen Aufträge, deren Berichtsfrist mindestens einmal verlegt wurde.' },
];

export const DEFAULT_PARAMS = { handoffDays: 90, responseDays: 60, implementationMonths: 24, reviewMonths: 12, stallDays: 180, verificationDays: 60 };
