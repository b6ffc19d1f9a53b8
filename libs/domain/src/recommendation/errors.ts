import { domainError, notFound, SHARED_ERRORS, type DomainError } from '../shared/domain-error';

/** One code per rule of domain.md (numbers in brackets), plus the lifecycle checks every aggregate has. */
export const RECOMMENDATION_ERRORS = {
  ...SHARED_ERRORS,
  'recommendation.already-adopted': 'Die Empfehlung ist bereits erfasst.',
  'recommendation.not-adopted': notFound('Diese Empfehlung ist in dieser Bildungsregion nicht bekannt.'),
  // (1)
  'recommendation.withdrawn': 'Die Empfehlung wurde zurückgezogen; es sind nur noch Berichte an die Konferenz und Korrekturen möglich.',
  'recommendation.superseded': 'Die Empfehlung wurde ersetzt; es sind nur noch Berichte an die Konferenz und Korrekturen möglich.',
  // (7)
  'date.before-adoption': 'Das Datum liegt vor dem Beschluss der Empfehlung.',
  'adoption.before-conference': 'Eine Empfehlung kann nicht vor ihrer Bildungskonferenz beschlossen worden sein.',
  'adoption.conference-unknown': notFound('Die Bildungskonferenz ist in dieser Bildungsregion nicht bekannt.'),
  'adoption.committee-foreign': notFound('Adressaten und beteiligte Gremien müssen Gremien dieser Bildungsregion sein; diese sind hier nicht bekannt (siehe details.committeeIds).'),
  'amendment.no-change': 'Die Änderung enthält nichts, was sich vom geltenden Stand unterscheidet.',
  // (2)
  'handoff.already-active': 'Das Gremium hat für diese Empfehlung bereits eine offene oder angenommene Übergabe.',
  'handoff.committee-unknown': notFound('Das Gremium ist in dieser Bildungsregion nicht bekannt.'),
  'handoff.committee-dissolved': 'Das Gremium ist aufgelöst und kann keine Übergaben mehr erhalten.',
  'handoff.due-before-decision': 'Der Berichtstermin darf nicht vor dem Beschluss der Übergabe liegen.',
  // (3)
  'handoff.unknown': notFound('Dieses Gremium hat für diese Empfehlung keine Übergabe.'),
  'handoff.not-pending': 'Nur eine offene Übergabe kann angenommen oder abgelehnt werden.',
  'handoff.wrong-committee': 'Nur das zuständige Gremium oder das Bildungsbüro in seinem Auftrag darf über die Übergabe entscheiden.',
  'handoff.before-decision': 'Eine Übergabe kann nicht vor ihrem Beschluss angenommen oder abgelehnt werden.',
  'handoff.not-active': 'Nur eine offene oder angenommene Übergabe kann zurückgenommen werden.',
  // (4)
  'assignment.wrong-committee': 'Nur das zuständige Gremium oder das Bildungsbüro in seinem Auftrag darf für diese Zuständigkeit berichten.',
  'status.requires-accepted-handoff': 'Ein Umsetzungsstand setzt eine angenommene Übergabe an dieses Gremium voraus.',
  'status.before-handoff': 'Der Bericht darf nicht vor dem Beschluss der Übergabe liegen.',
  'status.reason-required': 'Für „nicht umgesetzt“ und „blockiert“ ist eine Begründung nötig.',
  'status.progress-out-of-range': 'Der Fortschritt muss zwischen 0 und 100 Prozent liegen.',
  'status.before-return': 'Nach einer Rückgabe zur Nachbesserung kann der neue Bericht nicht vor der Rückgabe liegen.',
  'status.next-due-before-report': 'Der nächste Berichtstermin darf nicht vor dem Bericht liegen.',
  'indicator.requires-accepted-handoff': 'Ein Wirkungsindikator setzt eine angenommene Übergabe an dieses Gremium voraus.',
  'indicator.target-before-baseline': 'Der Zieltermin darf nicht vor dem Ausgangswert liegen.',
  'measurement.requires-accepted-handoff': 'Eine Messung setzt eine angenommene Übergabe an dieses Gremium voraus.',
  // (5)
  'indicator.duplicate-id': 'Ein Wirkungsindikator mit dieser Kennung ist für diese Empfehlung bereits festgelegt.',
  'measurement.unknown-indicator': notFound('Für diese Empfehlung ist kein Wirkungsindikator mit dieser Kennung festgelegt.'),
  'measurement.not-indicator-owner':
    'Messungen zu diesem Wirkungsindikator erfasst nur das Gremium, das ihn festgelegt hat (oder das Bildungsbüro in seinem Auftrag).',
  // (6)
  'review.requires-implementation': 'Eine Nachhaltigkeitsprüfung setzt mindestens eine als (teilweise) umgesetzt gemeldete Zuständigkeit voraus.',
  'outcome.conference-unknown': notFound('Die Bildungskonferenz ist in dieser Bildungsregion nicht bekannt.'),
  'outcome.conference-not-later': 'Ergebnisse werden einer späteren Bildungskonferenz berichtet als der, die die Empfehlung beschlossen hat.',
  'supersede.successor-self': 'Eine Empfehlung kann sich nicht selbst ersetzen.',
  'supersede.successor-unknown': notFound('Die nachfolgende Empfehlung ist in dieser Bildungsregion nicht bekannt.'),
  'supersede.before-successor': 'Eine Empfehlung kann nicht ersetzt werden, bevor die nachfolgende Empfehlung beschlossen wurde.',
  // (10)
  'due-date-revision.recommendation-retired': 'Die Empfehlung ist zurückgezogen oder ersetzt; ihre Berichtstermine werden nicht mehr verlegt.',
  'due-date-revision.assignment-inactive': 'Ein Berichtstermin kann nur für eine offene oder angenommene Übergabe verlegt werden.',
  'due-date-revision.reason-required': 'Eine Verlegung des Berichtstermins braucht eine Begründung.',
  'due-date-revision.before-handoff': 'Die Verlegung kann nicht vor dem Beschluss der Übergabe beschlossen worden sein.',
  'due-date-revision.due-before-decision': 'Der neue Berichtstermin darf nicht vor dem Beschluss der Verlegung liegen.',
  // (11)
  'verification.no-current-claim':
    'Für diese Zuständigkeit liegt keine Meldung „umgesetzt“ oder „teilweise umgesetzt“ vor, die zu prüfen wäre (oder sie wurde zurückgegeben).',
  'verification.already-verified': 'Diese Meldung wurde bereits bestätigt; jede Meldung wird nur einmal geprüft.',
  'verification.by-reporting-committee': 'Vier Augen: Wer für das berichtende Gremium handelt oder den Bericht erfasst hat, kann ihn nicht selbst prüfen.',
  'verification.note-required': 'Wer eine Meldung zur Nachbesserung zurückgibt, muss sagen, was fehlt.',
  'verification.before-claim': 'Die Prüfung kann nicht vor dem geprüften Bericht liegen.',
  'verification.evidence-unknown': 'Geprüfte Nachweise müssen Titel oder Adressen der Nachweise des geprüften Berichts sein (siehe details.unknown).',
  // (9)
  'correction.unknown-event': notFound('Der zu korrigierende Eintrag gehört nicht zu dieser Empfehlung.'),
  'correction.type-mismatch':
    'Der zu korrigierende Eintrag hat einen anderen Typ als angegeben (siehe details.expected); correctedEventType kann auch weggelassen werden.',
  'correction.field-not-correctable': 'Dieses Feld kann an diesem Eintrag nicht korrigiert werden.',
  'correction.empty': 'Die Korrektur ändert kein Feld.',
  'correction.invalid-value': 'Der korrigierte Wert hat nicht die Form, die das Feld verlangt.',
} as const;
export type RecommendationErrorCode = keyof typeof RECOMMENDATION_ERRORS;

export const recommendationError = (
  code: RecommendationErrorCode,
  details?: Record<string, unknown>,
): DomainError<RecommendationErrorCode> => domainError(code, RECOMMENDATION_ERRORS[code], details);
