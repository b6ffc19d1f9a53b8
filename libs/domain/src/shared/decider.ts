import type { Decision } from './domain-error';
import type { EventId } from './ids';

/**
 * Emmett's decider, with one addition: `evolve` may be told the event's id, because corrections
 * name the event they correct. Events decided but not yet stored have no id (undefined).
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Decision<Event>;
  evolve(state: State, event: Event, eventId?: EventId): State;
  initialState(): State;
}

/** Rebuild state from stored events in stream order. */
export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: Iterable<{ event: Event; eventId?: EventId }>,
): State {
  let state = decider.initialState();
  for (const { event, eventId } of events) state = decider.evolve(state, event, eventId);
  return state;
}
