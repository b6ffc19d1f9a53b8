/** The server clock, injectable so tests can pin "now". The only source of `now` for commands. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
