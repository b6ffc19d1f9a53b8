/** Why a bearer token was not accepted; `message` is German and safe to show. */
export class TokenError extends Error {
  constructor(
    readonly code: 'auth.token-invalid' | 'auth.token-expired' | 'auth.token-claims' | 'auth.account-disabled',
    message: string,
  ) {
    super(message);
  }
}

export const TOKEN_MESSAGES = {
  invalid: 'Das Zugangstoken ist ungültig. Bitte melden Sie sich erneut an.',
  expired: 'Das Zugangstoken ist abgelaufen. Bitte melden Sie sich erneut an.',
  claims: 'Das Zugangstoken nennt keine gültige Rolle und Bildungsregion für Empfehlungsradar.',
  disabled: 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an das Bildungsbüro.',
} as const;
