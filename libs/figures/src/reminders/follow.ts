/**
 * Subscriptions ("Folgen"): which events of a region's log concern what someone follows, and the
 * changes of a day grouped for the digest. Pure; the pass reads the log and the subscriptions.
 */

export type FollowTarget = 'recommendation' | 'committee' | 'conference';
export const FOLLOW_TARGETS: readonly FollowTarget[] = ['recommendation', 'committee', 'conference'];
/** `change`: a mail per change; `daily`: one digest of the day's changes, the next day. */
export type FollowMode = 'change' | 'daily';
export const FOLLOW_MODES: readonly FollowMode[] = ['change', 'daily'];

export interface Follower {
  subscriptionId: string;
  regionId: string;
  targetType: FollowTarget;
  targetId: string;
  mode: FollowMode;
  /** Events recorded before the subscription are not news to it. */
  createdAt: Date;
}

/** An event of the log as the pass reads it (the event store's RecordedEvent fits). */
export interface LogEvent {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  recordedAt: Date;
}

/** What an event is about; empty for streams nobody follows (regions, conferences' own dates). */
export interface EventSubject {
  regionId?: string;
  recommendationId?: string;
  committeeId?: string;
  conferenceId?: string;
}

const REC = 'recommendation-';
const COMMITTEE = 'committee-';
const text = (data: unknown, key: string): string | undefined => {
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * A recommendation's events name it and its region; a hand-off, answer, report, revised due date,
 * verification or indicator names its committee. The conference is named only at adoption, so
 * later events take it from `conferenceOf`.
 */
export function subjectOf(event: LogEvent, conferenceOf: (recommendationId: string) => string | undefined): EventSubject {
  const regionId = text(event.data, 'regionId');
  if (event.streamId.startsWith(REC)) {
    const recommendationId = text(event.data, 'recommendationId') ?? event.streamId.slice(REC.length);
    const conferenceId = text(event.data, 'conferenceId') ?? conferenceOf(recommendationId);
    const committeeId = text(event.data, 'committeeId');
    return { regionId, recommendationId, ...(committeeId ? { committeeId } : {}), ...(conferenceId ? { conferenceId } : {}) };
  }
  if (event.streamId.startsWith(COMMITTEE)) return { regionId, committeeId: text(event.data, 'committeeId') ?? event.streamId.slice(COMMITTEE.length) };
  return {};
}

/**
 * A recommendation: its stream. A committee: its hand-offs, answers, reports (the recommendation
 * events naming it) and its own renaming or dissolution. A conference: the events of its
 * recommendations. Never another region's, never what was recorded before the subscription.
 */
export function concerns(f: Follower, event: LogEvent, subject: EventSubject): boolean {
  if (subject.regionId !== f.regionId || event.recordedAt < f.createdAt) return false;
  switch (f.targetType) {
    case 'recommendation':
      return subject.recommendationId === f.targetId;
    case 'committee':
      return subject.committeeId === f.targetId;
    case 'conference':
      return subject.recommendationId !== undefined && subject.conferenceId === f.targetId;
  }
}

export interface FollowedChange<E extends LogEvent = LogEvent> {
  follower: Follower;
  event: E;
  subject: EventSubject;
}

/**
 * Each event with the followers it concerns, in log order. Adoptions in the batch teach the
 * conference of their recommendation first (the read model behind `conferenceOf` may lag).
 */
export function followedChanges<E extends LogEvent>(followers: readonly Follower[], events: readonly E[], conferenceOf: (recommendationId: string) => string | undefined): FollowedChange<E>[] {
  const learned = new Map<string, string>();
  const lookUp = (id: string) => learned.get(id) ?? conferenceOf(id);
  const out: FollowedChange<E>[] = [];
  for (const event of events) {
    const subject = subjectOf(event, lookUp);
    if (subject.recommendationId && subject.conferenceId) learned.set(subject.recommendationId, subject.conferenceId);
    for (const follower of followers) if (concerns(follower, event, subject)) out.push({ follower, event, subject });
  }
  return out;
}

/** One change as a mail tells it: about what, the sentence of the timeline, when it was recorded. */
export interface ChangeNote {
  eventId: string;
  /** The recommendation it happened to (absent for a committee's own event). */
  recommendationId?: string;
  /** "9. BK / 3 „Sprachförderung in Kitas“" or "Gremium „Schulausschuss“". */
  heading: string;
  sentence: string;
  recordedAt: string;
}

export interface DigestSection {
  heading: string;
  recommendationId?: string;
  changes: ChangeNote[];
}

/** The digest: one section per recommendation (or committee), in the order of their first change; changes by record time. */
export function digestSections(changes: readonly ChangeNote[]): DigestSection[] {
  const sorted = [...changes].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.eventId.localeCompare(b.eventId));
  const sections = new Map<string, DigestSection>();
  for (const c of sorted) {
    const key = c.recommendationId ?? `:${c.heading}`;
    const section = sections.get(key) ?? { heading: c.heading, ...(c.recommendationId ? { recommendationId: c.recommendationId } : {}), changes: [] };
    section.changes.push(c);
    sections.set(key, section);
  }
  return [...sections.values()];
}
