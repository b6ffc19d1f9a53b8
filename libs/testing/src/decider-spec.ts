import { isDomainError, type Decider, type EventId } from '@app/domain';

/** A given event, bare or with the id a correction can name. */
export type GivenEvent<E> = E | { eventId: EventId; event: E };

const isEnvelope = <E>(given: GivenEvent<E>): given is { eventId: EventId; event: E } =>
  typeof given === 'object' && given !== null && 'eventId' in given && 'event' in given;

/**
 * Emmett's given/when/then for deciders:
 * `DeciderSpecification.for(decider).given([adopted]).when(handOff).then([handedOff])`, or
 * `.thenFails('handoff.committee-dissolved')`. decide returns a DomainError instead of throwing,
 * so the failing branch checks the returned error.
 */
export const DeciderSpecification = {
  for<C, E, S>(decider: Decider<C, E, S>) {
    return {
      given(events: readonly GivenEvent<E>[]) {
        const fold = (): S => {
          let state = decider.initialState();
          for (const given of events) {
            state = isEnvelope(given) ? decider.evolve(state, given.event, given.eventId) : decider.evolve(state, given);
          }
          return state;
        };
        return {
          /** The state the given events fold to (for assertions on evolve). */
          state: fold,
          when(command: C) {
            const run = () => {
              const state = fold();
              return { state, result: decider.decide(command, state) };
            };
            return {
              /** Decide succeeds with exactly these events, and they fold without error. */
              then(expected: readonly E[]): void {
                const { state, result } = run();
                if (isDomainError(result)) throw new Error(`expected events, but decide refused: ${result.code} (${result.message}) ${JSON.stringify(result.details ?? {})}`);
                expect(result).toEqual(expected);
                result.reduce((s, e) => decider.evolve(s, e), state);
              },
              /** Decide refuses with this code (and, if given, details containing these entries). */
              thenFails(code: string, details?: Record<string, unknown>): void {
                const { result } = run();
                if (!isDomainError(result)) throw new Error(`expected ${code}, but decide returned ${JSON.stringify(result)}`);
                expect(result.code).toBe(code);
                expect(result.message).toMatch(/\S/);
                if (details) expect(result.details).toMatchObject(details);
              },
            };
          },
        };
      },
    };
  },
};
