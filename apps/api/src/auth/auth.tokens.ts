/** Injection tokens of the auth module. */
export const AUTH_DATA_SOURCE = Symbol('AUTH_DATA_SOURCE');
export const LOCAL_TOKEN_KEY = Symbol('LOCAL_TOKEN_KEY');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
