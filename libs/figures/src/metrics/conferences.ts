import type { ConferenceEvent } from '@app/domain';
import type { ConferenceFacts } from './scope';

/**
 * Conferences as loopClosureRate needs them, from their streams' events: the date is `heldOn`
 * once held, else the latest planned date. The caller filters the events by asOf/knownAt.
 */
export function conferenceFactsOf(events: readonly ConferenceEvent[]): ConferenceFacts[] {
  const byId = new Map<string, ConferenceFacts & { held: boolean }>();
  for (const event of events) {
    const known = byId.get(event.data.conferenceId);
    switch (event.type) {
      case 'ConferenceScheduled':
        byId.set(event.data.conferenceId, { conferenceId: event.data.conferenceId, number: event.data.number, date: event.data.date, held: false });
        break;
      case 'ConferenceRescheduled':
        if (known && !known.held) known.date = event.data.date;
        break;
      case 'ConferenceHeld':
        if (known) Object.assign(known, { date: event.data.heldOn, held: true });
        break;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
  return [...byId.values()].map(({ held: _held, ...conference }) => conference);
}
