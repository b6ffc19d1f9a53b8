import type { Actor, Role } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { sentenceOf, type SentenceNames, type StreamEvent } from '@app/figures';
import { emptyDirectory, evolveDirectory, type Directory, type DirectoryEvent } from '@app/read-models';

const DIRECTORY_PREFIXES = ['region-', 'conference-', 'committee-'];
const isDirectoryEvent = (e: Pick<RecordedEvent, 'streamId'>) => DIRECTORY_PREFIXES.some((p) => e.streamId.startsWith(p));

/** Who acted, as the audit shows it. */
export interface ActorView {
  userId: string;
  role: Role;
  committeeIds: readonly string[];
  onBehalfOf: string | null;
  /** "Regionales Bildungsbüro (buero.test) im Namen des Gremiums „FG ÜSB“" */
  text: string;
}

const ROLE_LABEL: Record<Role, string> = {
  office: 'Regionales Bildungsbüro',
  steering: 'Lenkungskreis',
  committee: 'Gremium',
  auditor: 'Prüfung',
};

export function actorOf(metadata: Record<string, unknown>, directory: Directory): ActorView | null {
  const actor = metadata.actor as Actor | undefined;
  if (!actor || typeof actor !== 'object') return null;
  const behalf = actor.onBehalfOf ? directory.committees.get(actor.onBehalfOf)?.name : undefined;
  const role = ROLE_LABEL[actor.role] ?? String(actor.role);
  return {
    userId: actor.userId,
    role: actor.role,
    committeeIds: actor.committeeIds ?? [],
    onBehalfOf: actor.onBehalfOf ?? null,
    text: `${role} (${actor.userId})${actor.onBehalfOf ? ` im Namen des Gremiums ${behalf ? `„${behalf}“` : actor.onBehalfOf}` : ''}`,
  };
}

/**
 * Turns recorded events into German sentences. Fed in global order it keeps the names of
 * conferences and committees as they stood at each event (a rename says from what), and per
 * recommendation stream what a correction corrects and what an indicator is called.
 */
export interface Describer {
  /** Learns the event and returns its sentence (events of unknown types: a neutral sentence). */
  describe(recorded: RecordedEvent, shownData?: unknown): string;
  /** Learns the event without describing it. */
  learn(recorded: RecordedEvent): void;
  readonly directory: Directory;
}

export function createDescriber(): Describer {
  const directory = emptyDirectory();
  const streams = new Map<string, StreamEvent[]>();
  const seen = new Set<string>();

  const namesIn = (streamId: string): SentenceNames => ({
    committeeName: (id) => directory.committees.get(id)?.name,
    conferenceLabel: (id) => directory.conferences.get(id)?.label,
    indicator(indicatorId) {
      const defined = streams.get(streamId)?.find((e) => e.type === 'ImpactIndicatorDefined' && (e.data as { indicatorId?: string }).indicatorId === indicatorId);
      const data = defined?.data as { name: string; unit: string } | undefined;
      return data ? { name: data.name, unit: data.unit } : undefined;
    },
  });

  function learn(recorded: RecordedEvent): void {
    if (seen.has(recorded.id)) return;
    seen.add(recorded.id);
    if (isDirectoryEvent(recorded)) {
      try {
        evolveDirectory(directory, { type: recorded.type, data: recorded.data } as DirectoryEvent);
      } catch {
        // An event type this version does not know changes no names.
      }
    }
    const event = { eventId: recorded.id, type: recorded.type, data: recorded.data };
    const stream = streams.get(recorded.streamId);
    if (stream) stream.push(event);
    else streams.set(recorded.streamId, [event]);
  }

  function describe(recorded: RecordedEvent, shownData?: unknown): string {
    // Names as they stood before the event, so it is described before it is learnt.
    const sentence = sentenceOf(
      { eventId: recorded.id, type: recorded.type, data: shownData ?? recorded.data },
      namesIn(recorded.streamId),
      streams.get(recorded.streamId),
      recorded.metadata.actor as Actor | undefined,
    );
    learn(recorded);
    return sentence;
  }

  return { describe, learn, directory };
}
