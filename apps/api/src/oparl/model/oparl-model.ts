import {
  committeeDecider,
  conferenceDecider,
  fold,
  recommendationDecider,
  type CommitteeState,
  type ConferenceState,
  type RecommendationAdopted,
  type RecommendationState,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** When an object came into being and last changed, from the record times of its events. */
export interface Stamps {
  created: Date;
  modified: Date;
}

export interface ModelCommittee extends Stamps {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  registeredOn: string;
  dissolvedOn?: string;
}
export interface ModelConference extends Stamps {
  id: string;
  number: number;
  kind: string;
  title: string;
  date: string;
  held: boolean;
}
export interface ModelHandOff extends Stamps {
  /** The id of the `RecommendationHandedOff` event: one consultation per hand-off. */
  id: string;
  recommendationId: string;
  committeeId: string;
  answer: 'pending' | 'accepted' | 'declined';
  withdrawn: boolean;
}
export interface ModelEvidence extends Stamps {
  /** `<event id>-<index>`. */
  id: string;
  recommendationId: string;
  title: string;
  url: string;
  reportedOn: string;
}
export interface ModelRecommendation extends Stamps {
  id: string;
  conferenceId: string;
  reference: string;
  title: string;
  text: string;
  adoptedOn: string;
  fieldsOfAction: string[];
  withdrawn: boolean;
  successorId?: string;
  handOffs: ModelHandOff[];
  evidence: ModelEvidence[];
}

/** A region's published matter, as OParl shows it: no actor, account, contact, reason or note. */
export interface OParlModel {
  regionId: string;
  name: string;
  region: Stamps;
  conferences: ModelConference[];
  committees: ModelCommittee[];
  recommendations: ModelRecommendation[];
}

const stampsOf = (events: readonly RecordedEvent[]): Stamps => ({
  created: events[0]!.recordedAt,
  modified: events.reduce((latest, e) => (e.recordedAt > latest ? e.recordedAt : latest), events[0]!.recordedAt),
});

const byStream = (events: readonly RecordedEvent[]) => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const list = streams.get(e.streamId) ?? [];
    list.push(e);
    streams.set(e.streamId, list);
  }
  return streams;
};

const folded = <E, S>(decider: { evolve(s: S, e: E, id?: string): S; initialState(): S }, events: RecordedEvent[]) =>
  fold(decider, events.map((e) => ({ event: { type: e.type, data: e.data } as E, eventId: e.id })));

/**
 * Folds the region's streams with the domain's deciders (amendments and corrections applied) and
 * keeps what a council information system may publish. Pure: the events come in, objects go out.
 */
export function oparlModel(region: { regionId: string; name: string; events: RecordedEvent[] }, events: readonly RecordedEvent[]): OParlModel {
  const conferences: ModelConference[] = [];
  const committees: ModelCommittee[] = [];
  const recommendations: ModelRecommendation[] = [];
  for (const [streamId, stream] of byStream(events)) {
    if (streamId.startsWith('conference-')) {
      const state = folded<never, ConferenceState>(conferenceDecider as never, stream);
      if (state.status === 'unscheduled') continue;
      conferences.push({ id: state.conferenceId, number: state.number, kind: state.kind, title: state.title, date: state.heldOn ?? state.date, held: state.status === 'held', ...stampsOf(stream) });
    } else if (streamId.startsWith('committee-')) {
      const state = folded<never, CommitteeState>(committeeDecider as never, stream);
      if (state.status === 'unregistered') continue;
      committees.push({
        id: state.committeeId,
        name: state.name,
        shortName: state.shortName,
        kind: state.kind,
        registeredOn: state.registeredOn,
        ...(state.dissolvedOn ? { dissolvedOn: state.dissolvedOn } : {}),
        ...stampsOf(stream),
      });
    } else if (streamId.startsWith('recommendation-')) {
      const recommendation = recommendationOf(stream);
      if (recommendation) recommendations.push(recommendation);
    }
  }
  const sortById = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    regionId: region.regionId,
    name: region.name,
    region: stampsOf(region.events),
    conferences: sortById(conferences),
    committees: sortById(committees),
    recommendations: sortById(recommendations),
  };
}

function recommendationOf(stream: RecordedEvent[]): ModelRecommendation | undefined {
  const state = folded<never, RecommendationState>(recommendationDecider as never, stream);
  if (state.status !== 'adopted') return undefined;
  const recordedAt = new Map(stream.map((e) => [e.id, e.recordedAt]));
  // The entries carry every event's data with the corrections applied.
  const entries = state.entries.filter((entry) => entry.eventId !== undefined);
  const adoption = entries.find((e) => e.event.type === 'RecommendationAdopted')?.event as RecommendationAdopted | undefined;
  const handOffs: ModelHandOff[] = [];
  const evidence: ModelEvidence[] = [];
  for (const { eventId, event } of entries) {
    const at = recordedAt.get(eventId!)!;
    const data = event.data as { committeeId?: string };
    const open = () => [...handOffs].reverse().find((h) => h.committeeId === data.committeeId && !h.withdrawn);
    switch (event.type) {
      case 'RecommendationHandedOff':
        handOffs.push({ id: eventId!, recommendationId: state.recommendationId, committeeId: event.data.committeeId, answer: 'pending', withdrawn: false, created: at, modified: at });
        break;
      case 'HandOffAccepted':
      case 'HandOffDeclined':
      case 'HandOffWithdrawn': {
        const handOff = open();
        if (!handOff) break;
        if (event.type === 'HandOffWithdrawn') handOff.withdrawn = true;
        else handOff.answer = event.type === 'HandOffAccepted' ? 'accepted' : 'declined';
        handOff.modified = at;
        break;
      }
      case 'ImplementationStatusReported':
        event.data.evidence.forEach((item, index) =>
          evidence.push({ id: `${eventId}-${index}`, recommendationId: state.recommendationId, title: item.title, url: item.url, reportedOn: event.data.reportedOn, created: at, modified: at }),
        );
        break;
      default:
        break;
    }
  }
  const superseded = stream.find((e) => e.type === 'RecommendationSuperseded');
  return {
    id: state.recommendationId,
    conferenceId: state.conferenceId,
    reference: adoption?.data.reference ?? '',
    title: state.title,
    text: state.text,
    adoptedOn: state.adoptedOn,
    fieldsOfAction: state.fieldsOfAction,
    withdrawn: state.terminal === 'withdrawn',
    ...(superseded ? { successorId: (superseded.data as { successorId: string }).successorId } : {}),
    handOffs,
    evidence,
    ...stampsOf(stream),
  };
}
