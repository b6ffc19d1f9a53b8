import { conferenceLabel } from '@app/figures';
import type { ConferenceKind } from '@app/domain';
import { oparlDateTime } from './date-time';
import type { ModelCommittee, ModelConference, ModelEvidence, ModelHandOff, ModelRecommendation, OParlModel, Stamps } from './oparl-model';

export const OPARL = 'https://schema.oparl.org/1.1';
export type OParlObject = { id: string; type: string; created: string; modified: string; deleted?: boolean; [key: string]: unknown };

/** Every URL of one body, under `<origin>/oparl/v1/bodies/<regionId>`. */
export function urlsOf(base: string, regionId: string) {
  const body = `${base}/bodies/${regionId}`;
  // The public pages "Was wurde aus …?" of the web interface, on the same origin.
  const site = `${base.replace(/\/oparl\/v1$/, '')}/#/oeffentlich/${regionId}`;
  return {
    web: { body: site, meeting: (id: string) => `${site}/konferenz/${id}`, paper: (id: string) => `${site}/empfehlung/${id}` },
    system: `${base}/system`,
    bodies: `${base}/bodies`,
    body,
    list: (name: string) => `${body}/${name}`,
    organization: (id: string) => `${body}/organizations/${id}`,
    meeting: (id: string) => `${body}/meetings/${id}`,
    agendaItem: (id: string) => `${body}/agenda-items/${id}`,
    paper: (id: string) => `${body}/papers/${id}`,
    consultation: (id: string) => `${body}/consultations/${id}`,
    file: (id: string) => `${body}/files/${id}`,
  };
}
export type Urls = ReturnType<typeof urlsOf>;

/** The two bodies of every network besides its committees: the conference and the steering group. */
export const CONFERENCE_ORG = 'bildungskonferenz';
export const STEERING_ORG = 'lenkungskreis';

const stamps = (s: Stamps) => ({ created: oparlDateTime(s.created), modified: oparlDateTime(s.modified) });
const latest = (...dates: Date[]) => dates.reduce((a, b) => (b > a ? b : a));

/** A business date as the start of its day in Berlin, which is what a date-only meeting means. */
export function berlinMidnight(date: string): string {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const berlinHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(noonUtc));
  const offset = berlinHour - 12;
  return `${date}T00:00:00+${String(offset).padStart(2, '0')}:00`;
}

export function renderSystem(urls: Urls, bodies: { created: Date; modified: Date }[]): OParlObject {
  const created = bodies.length ? new Date(Math.min(...bodies.map((b) => b.created.getTime()))) : new Date(0);
  const modified = bodies.length ? latest(...bodies.map((b) => b.modified)) : created;
  return {
    id: urls.system,
    type: `${OPARL}/System`,
    oparlVersion: `${OPARL}/`,
    body: urls.bodies,
    name: 'Empfehlungsradar',
    product: 'https://github.com/empfehlungsradar/empfehlungsradar',
    ...stamps({ created, modified }),
  };
}

export function renderBody(urls: Urls, model: OParlModel): OParlObject {
  return {
    id: urls.body,
    type: `${OPARL}/Body`,
    system: urls.system,
    name: model.name,
    organization: urls.list('organizations'),
    person: urls.list('people'),
    meeting: urls.list('meetings'),
    paper: urls.list('papers'),
    legislativeTerm: [],
    agendaItem: urls.list('agenda-items'),
    consultation: urls.list('consultations'),
    file: urls.list('files'),
    locationList: urls.list('locations'),
    legislativeTermList: urls.list('legislative-terms'),
    membership: urls.list('memberships'),
    classification: 'Regionales Bildungsnetzwerk',
    web: urls.web.body,
    ...stamps(bodyStamps(model)),
  };
}

export const bodyStamps = (model: OParlModel): Stamps => model.region;

const ORGANIZATION_TYPE: Record<string, string> = { fachgremium: 'Gremium', ausschuss: 'Gremium', verwaltung: 'Verwaltungsbereich', extern: 'externes Gremium' };
const CLASSIFICATION: Record<string, string> = { fachgremium: 'Fachgremium', ausschuss: 'Ausschuss', verwaltung: 'Verwaltung', extern: 'Externes Gremium' };

export function renderCommittee(urls: Urls, c: ModelCommittee): OParlObject {
  return {
    id: urls.organization(c.id),
    type: `${OPARL}/Organization`,
    body: urls.body,
    name: c.name,
    shortName: c.shortName,
    organizationType: ORGANIZATION_TYPE[c.kind] ?? 'Sonstiges',
    classification: CLASSIFICATION[c.kind] ?? c.kind,
    startDate: c.registeredOn,
    ...(c.dissolvedOn ? { endDate: c.dissolvedOn } : {}),
    ...stamps(c),
  };
}

/** The Bildungskonferenz (its meetings are the conferences) and the Lenkungskreis, as the region's organizations. */
export function renderNetworkBodies(urls: Urls, model: OParlModel): OParlObject[] {
  const conferenceStamps = { created: model.region.created, modified: latest(model.region.modified, ...model.conferences.map((c) => c.modified)) };
  return [
    {
      id: urls.organization(CONFERENCE_ORG),
      type: `${OPARL}/Organization`,
      body: urls.body,
      name: 'Bildungskonferenz',
      organizationType: 'Gremium',
      classification: 'Bildungskonferenz',
      // An external list: every meeting of the body is one of the Bildungskonferenz.
      meeting: urls.list('meetings'),
      ...stamps(conferenceStamps),
    },
    {
      id: urls.organization(STEERING_ORG),
      type: `${OPARL}/Organization`,
      body: urls.body,
      name: 'Lenkungskreis',
      organizationType: 'Gremium',
      classification: 'Lenkungskreis',
      ...stamps(model.region),
    },
  ];
}

/** One agenda item per recommendation at its conference, ordered by reference (numbers numerically). */
export function agendaOf(model: OParlModel): Map<string, ModelRecommendation[]> {
  const agenda = new Map<string, ModelRecommendation[]>();
  for (const r of model.recommendations) agenda.set(r.conferenceId, [...(agenda.get(r.conferenceId) ?? []), r]);
  const collator = new Intl.Collator('de', { numeric: true });
  for (const list of agenda.values()) list.sort((a, b) => collator.compare(a.reference, b.reference) || (a.id < b.id ? -1 : 1));
  return agenda;
}

export function renderMeeting(urls: Urls, c: ModelConference, items: ModelRecommendation[], options: { omitInternal: boolean }): OParlObject {
  const modified = latest(c.modified, ...items.map((r) => r.modified));
  return {
    id: urls.meeting(c.id),
    type: `${OPARL}/Meeting`,
    name: conferenceLabel(c.number, c.kind as ConferenceKind),
    meetingState: c.held ? 'durchgeführt' : 'terminiert',
    cancelled: false,
    start: berlinMidnight(c.date),
    organization: [urls.organization(CONFERENCE_ORG)],
    // The order counts withdrawn items too, so an item keeps its number wherever it is shown.
    ...(options.omitInternal ? {} : { agendaItem: items.flatMap((r, i) => (r.withdrawn ? [] : [renderAgendaItem(urls, c, r, i + 1, false)])) }),
    keyword: [c.title],
    web: urls.web.meeting(c.id),
    ...stamps({ created: c.created, modified }),
  };
}

/** "9. BK / 3" → "3". */
const itemNumber = (reference: string) => reference.split('/').at(-1)!.trim();

export function renderAgendaItem(urls: Urls, c: ModelConference, r: ModelRecommendation, order: number, single: boolean): OParlObject {
  if (r.withdrawn) return deletedObject(urls.agendaItem(r.id), 'AgendaItem', r);
  return {
    id: urls.agendaItem(r.id),
    type: `${OPARL}/AgendaItem`,
    ...(single ? { meeting: urls.meeting(c.id) } : {}),
    number: itemNumber(r.reference),
    order,
    name: r.title,
    public: true,
    result: 'Empfehlung beschlossen',
    resolutionText: r.text,
    ...stamps(r),
  };
}

const ANSWER: Record<ModelHandOff['answer'], string> = { pending: 'Antwort offen', accepted: 'angenommen', declined: 'abgelehnt' };

/**
 * A hand-off as a consultation of the committee: `role` says what it was asked and how it
 * answered; `authoritative` whether it has decided (accepted or declined) on the recommendation.
 */
export function renderConsultation(urls: Urls, h: ModelHandOff, single: boolean): OParlObject {
  if (h.withdrawn) return deletedObject(urls.consultation(h.id), 'Consultation', h);
  return {
    id: urls.consultation(h.id),
    type: `${OPARL}/Consultation`,
    ...(single ? { paper: urls.paper(h.recommendationId) } : {}),
    organization: [urls.organization(h.committeeId)],
    authoritative: h.answer !== 'pending',
    role: `Umsetzungsauftrag des Lenkungskreises – ${ANSWER[h.answer]}`,
    ...stamps(h),
  };
}

export function renderFile(urls: Urls, f: ModelEvidence): OParlObject {
  return {
    id: urls.file(f.id),
    type: `${OPARL}/File`,
    name: f.title,
    date: f.reportedOn,
    accessUrl: f.url,
    paper: [urls.paper(f.recommendationId)],
    ...stamps(f),
  };
}

export function renderPaper(urls: Urls, r: ModelRecommendation, options: { omitInternal: boolean }): OParlObject {
  if (r.withdrawn) return deletedObject(urls.paper(r.id), 'Paper', r);
  return {
    id: urls.paper(r.id),
    type: `${OPARL}/Paper`,
    body: urls.body,
    name: r.title,
    reference: r.reference,
    date: r.adoptedOn,
    paperType: 'Empfehlung',
    ...(r.successorId ? { relatedPaper: [urls.paper(r.successorId)] } : {}),
    originatorOrganization: [urls.organization(CONFERENCE_ORG)],
    underDirectionOf: [urls.organization(STEERING_ORG)],
    consultation: r.handOffs.filter((h) => !h.withdrawn).map((h) => renderConsultation(urls, h, false)),
    ...(options.omitInternal ? {} : { auxiliaryFile: r.evidence.map((f) => renderFile(urls, f)) }),
    keyword: r.fieldsOfAction,
    web: urls.web.paper(r.id),
    ...stamps(r),
  };
}

/** Soft delete (spec 2.8): id, type, created stay; modified is the deletion; the rest is left out. */
function deletedObject(id: string, type: string, s: Stamps): OParlObject {
  return { id, type: `${OPARL}/${type}`, deleted: true, ...stamps(s) };
}
