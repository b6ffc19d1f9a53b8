import {
  committeeDecider,
  conferenceDecider,
  CURRENT_SCHEMA_VERSION,
  isDomainError,
  recommendationDecider,
  regionDecider,
  streamIdOf,
  type Actor,
  type CommandMeta,
  type CommitteeState,
  type ConferenceState,
  type Decider,
  type ImplementationStatus,
  type RecommendationCommand,
  type RecommendationState,
  type RegionState,
} from '@app/domain';
import type { EventToAppend, ExpectedRevision } from '@app/event-store';
import { addDays } from '@app/figures/history/dates';
import { seededRandom, type Random } from './random';

/** One append the simulation wants made, in order; appends to different streams may run concurrently. */
export interface SimulatedAppend {
  streamId: string;
  events: EventToAppend[];
  expectedRevision: ExpectedRevision;
}

export interface SimulationOptions {
  seed: number;
  /** Stop after about this many events. */
  events: number;
  regions?: number;
  committeesPerRegion?: number;
  /** First business day; the simulated clock ends before `until`. */
  from?: string;
  until?: string;
}

interface Stream<S> {
  streamId: string;
  state: S;
  revision: bigint;
}

interface Rec extends Stream<RecommendationState> {
  id: string;
  region: Region;
  /** Event ids with their types, for corrections. */
  entries: { id: string; type: string }[];
  openedDay: number;
}

interface Committee extends Stream<CommitteeState> {
  id: string;
  dissolved: boolean;
  names: number;
}

interface Conference extends Stream<ConferenceState> {
  id: string;
  number: number;
  date: string;
  held: boolean;
}

interface Region extends Stream<RegionState> {
  id: string;
  index: number;
  committees: Committee[];
  conferences: Conference[];
  /** Recommendations still to be adopted after the last conference held. */
  toAdopt: number;
  adopted: number;
  lastAdopted?: Rec;
}

const FIELDS = ['Inklusion', 'Übergang Schule/Beruf', 'Bildungsförderung 0–10', 'Neuzugewanderte', 'Ganztag', 'Digitale Bildung'];
const CITIES = ['Düsseldorf', 'Duisburg', 'Essen', 'Krefeld', 'Mönchengladbach', 'Mülheim', 'Oberhausen', 'Remscheid', 'Solingen', 'Wuppertal', 'Kleve', 'Mettmann', 'Neuss', 'Viersen', 'Wesel'];
const COMMITTEE_NAMES = ['Fachgremium Inklusion', 'Schulausschuss', 'Jugendhilfeausschuss', 'AG Übergang Schule–Beruf', 'Amt für Schule und Bildung', 'Kommunales Integrationszentrum', 'Fachgremium frühe Bildung', 'Agentur für Arbeit', 'Sportausschuss', 'AG Ganztag', 'Volkshochschule', 'Stadtbibliothek'];
const PROGRESS: ImplementationStatus[] = ['not_started', 'planned', 'in_progress', 'in_progress', 'partially_implemented', 'implemented', 'implemented', 'implemented', 'blocked', 'not_implemented'];

/**
 * A long, realistic and valid history: regions, committees and yearly conferences; after each
 * conference a cohort of recommendations that are handed off, accepted or declined, reported on,
 * measured, reviewed, amended, corrected, withdrawn or superseded. Every event comes from the
 * domain's deciders (a refused command is simply not appended), so the log is one the API could
 * have written. Deterministic for a seed.
 */
export function* simulateHistory(options: SimulationOptions): Generator<SimulatedAppend> {
  const random: Random = seededRandom(options.seed);
  const from = options.from ?? '2012-01-02';
  const until = options.until ?? '2026-06-01';
  const days = Math.max(1, Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000));
  // About one recommendation per 20 events; actions spread evenly over the simulated years.
  const actionsPerDay = Math.max(1, Math.round(options.events / days));
  let emitted = 0;
  let day = 0;
  let actionsToday = 0;
  const today = () => addDays(from, Math.min(day, days - 1));
  const meta = (actor: Actor): CommandMeta => ({ now: new Date(`${today()}T12:00:00Z`), actor });
  const office = (): Actor => ({ userId: 'buero-1', role: 'office', committeeIds: [] });
  const steering = (): Actor => ({ userId: 'lk-1', role: 'steering', committeeIds: [] });
  const member = (committeeId: string): Actor =>
    random.chance(0.2) ? { userId: 'buero-2', role: 'office', committeeIds: [], onBehalfOf: committeeId } : { userId: `mitglied-${committeeId.slice(0, 4)}`, role: 'committee', committeeIds: [committeeId] };

  function decideAndAppend<C extends { meta: CommandMeta }, E extends { type: string; data: unknown }, S>(
    decider: Decider<C, E, S>,
    stream: Stream<S>,
    command: C,
    regionId: string,
    onEvent?: (id: string, type: string) => void,
  ): SimulatedAppend | undefined {
    const decision = decider.decide(command, stream.state);
    if (isDomainError(decision) || decision.length === 0) return undefined;
    const expectedRevision: ExpectedRevision = stream.revision < 0n ? 'no_stream' : stream.revision;
    const correlationId = random.uuid();
    const events = decision.map((event): EventToAppend => {
      const id = random.uuid();
      stream.state = decider.evolve(stream.state, event, id);
      stream.revision += 1n;
      onEvent?.(id, event.type);
      return {
        id,
        type: event.type,
        data: event.data,
        metadata: {
          eventId: id,
          regionId,
          actor: command.meta.actor,
          commandId: correlationId,
          correlationId,
          causationId: correlationId,
          recordedAt: command.meta.now.toISOString(),
          schemaVersion: CURRENT_SCHEMA_VERSION,
        },
      };
    });
    emitted += events.length;
    return { streamId: stream.streamId, events, expectedRevision };
  }

  const regions: Region[] = [];
  const open: Rec[] = [];

  for (let index = 0; index < (options.regions ?? 10); index++) {
    const id = random.uuid();
    const region: Region = { id, index, streamId: streamIdOf.region(id), state: regionDecider.initialState(), revision: -1n, committees: [], conferences: [], toAdopt: 0, adopted: 0 };
    regions.push(region);
    const name = `Bildungsregion ${CITIES[index % CITIES.length]}${index >= CITIES.length ? ` ${index}` : ''}`;
    const r = decideAndAppend(regionDecider, region, { type: 'RegisterRegion', data: { regionId: id, name, contractSignedOn: from }, meta: meta(office()) }, id);
    if (r) yield r;
    for (let c = 0; c < (options.committeesPerRegion ?? 8); c++) {
      const committeeId = random.uuid();
      const committee: Committee = { id: committeeId, streamId: streamIdOf.committee(committeeId), state: committeeDecider.initialState(), revision: -1n, dissolved: false, names: 0 };
      const name = COMMITTEE_NAMES[c % COMMITTEE_NAMES.length];
      const appended = decideAndAppend(
        committeeDecider,
        committee,
        { type: 'RegisterCommittee', data: { committeeId, regionId: id, name, shortName: name.split(' ').map((w) => w[0]).join(''), kind: random.pick(['fachgremium', 'ausschuss', 'verwaltung', 'extern'] as const), fieldsOfAction: [random.pick(FIELDS)] }, meta: meta(office()) },
        id,
      );
      if (appended) {
        region.committees.push(committee);
        yield appended;
      }
    }
  }

  function* conferenceTick(region: Region): Generator<SimulatedAppend> {
    const last = region.conferences.at(-1);
    if (!last || (last.held && random.chance(1 / 300))) {
      const conferenceId = random.uuid();
      const number = region.conferences.length + 1;
      const conference: Conference = { id: conferenceId, number, date: addDays(today(), random.int(20, 90)), held: false, streamId: streamIdOf.conference(conferenceId), state: conferenceDecider.initialState(), revision: -1n };
      const appended = decideAndAppend(
        conferenceDecider,
        conference,
        { type: 'ScheduleConference', data: { conferenceId, regionId: region.id, number, kind: number % 3 === 0 ? 'tag_der_bildung' : 'bildungskonferenz', title: `${number}. Bildungskonferenz`, date: conference.date, topics: [random.pick(FIELDS)] }, meta: meta(office()) },
        region.id,
      );
      if (appended) {
        region.conferences.push(conference);
        yield appended;
      }
    } else if (!last.held && last.date <= today()) {
      const appended = decideAndAppend(conferenceDecider, last, { type: 'HoldConference', data: { conferenceId: last.id, heldOn: last.date }, meta: meta(office()) }, region.id);
      if (appended) {
        last.held = true;
        // Cohort size so the whole run reaches its event count: ~20 events per recommendation.
        region.toAdopt += Math.max(2, Math.round((options.events / 20 / regions.length) * (365 / days) * 1.3 * (0.6 + random.next() * 0.8)));
        yield appended;
      }
    }
  }

  function adopt(region: Region): SimulatedAppend | undefined {
    const conference = region.conferences.filter((c) => c.held).at(-1);
    if (!conference) return undefined;
    const id = random.uuid();
    const rec: Rec = { id, region, streamId: streamIdOf.recommendation(id), state: recommendationDecider.initialState(), revision: -1n, entries: [], openedDay: day };
    const addressees = [random.pick(region.committees).id];
    const appended = decide(rec, {
      type: 'AdoptRecommendation',
      data: {
        recommendationId: id,
        regionId: region.id,
        conferenceId: conference.id,
        reference: `${conference.number}. BK / ${region.adopted + 1}`,
        title: `Empfehlung zu ${random.pick(FIELDS)}`,
        text: 'Die Bildungskonferenz empfiehlt, Angebote zu bündeln und verbindlich abzustimmen.',
        fieldsOfAction: [random.pick(FIELDS)],
        addressees: { committeeIds: addressees, decisionMakers: random.chance(0.3) ? ['Rat der Stadt'] : [] },
        originCommitteeIds: [],
        adoptedOn: today() < conference.date ? conference.date : today(),
      },
      context: { conference: { regionId: region.id, date: conference.date }, committees: Object.fromEntries(region.committees.map((c) => [c.id, { regionId: region.id, dissolved: c.dissolved }])) },
      meta: meta(office()),
    });
    if (appended) {
      open.push(rec);
      region.adopted++;
      region.lastAdopted = rec;
      region.toAdopt--;
    }
    return appended;
  }

  function decide(rec: Rec, command: RecommendationCommand): SimulatedAppend | undefined {
    return decideAndAppend(recommendationDecider, rec, command, rec.region.id, (id, type) => rec.entries.push({ id, type }));
  }

  function step(rec: Rec): SimulatedAppend | undefined {
    const state = rec.state;
    if (state.status !== 'adopted') return undefined;
    const id = rec.id;
    const assignments = Object.values(state.assignments);
    const pending = assignments.filter((a) => a.status === 'pending');
    const accepted = assignments.filter((a) => a.status === 'accepted');
    const roll = random.next();
    if (roll < 0.015) return decide(rec, { type: 'AmendRecommendation', data: { recommendationId: id, text: `Geänderter Text ${random.int(1, 999)}`, reason: 'Redaktionelle Anpassung' }, meta: meta(office()) });
    if (roll < 0.035 && rec.entries.length > 1) {
      const reports = rec.entries.filter((e) => e.type === 'ImplementationStatusReported');
      if (reports.length) {
        return decide(rec, { type: 'CorrectEntry', data: { recommendationId: id, correctsEventId: random.pick(reports).id, correctedEventType: 'ImplementationStatusReported', correctedFields: { summary: 'Berichtigte Zusammenfassung', progressPercent: random.int(0, 100) }, reason: 'Zahlendreher' }, meta: meta(office()) });
      }
      return decide(rec, { type: 'CorrectEntry', data: { recommendationId: id, correctsEventId: rec.entries[0].id, correctedEventType: 'RecommendationAdopted', correctedFields: { title: `Berichtigter Titel ${random.int(1, 99)}` }, reason: 'Tippfehler im Titel' }, meta: meta(office()) });
    }
    if (roll < 0.042) return decide(rec, { type: 'WithdrawRecommendation', data: { recommendationId: id, reason: 'Durch Ratsbeschluss erledigt' }, meta: meta(steering()) });
    if (roll < 0.046) {
      const successor = rec.region.lastAdopted;
      if (successor && successor !== rec && successor.state.status === 'adopted') {
        const context = { successor: { regionId: rec.region.id, adoptedOn: successor.state.adoptedOn } };
        return decide(rec, { type: 'SupersedeRecommendation', data: { recommendationId: id, successorId: successor.id, reason: 'Zusammengeführt' }, context, meta: meta(steering()) });
      }
    }
    if (pending.length && random.chance(0.6)) {
      const a = random.pick(pending);
      const r = random.next();
      if (r < 0.82) return decide(rec, { type: 'AcceptHandOff', data: { recommendationId: id, committeeId: a.committeeId, on: today(), ...(random.chance(0.5) ? { contact: 'Frau Beispiel' } : {}) }, meta: meta(member(a.committeeId)) });
      if (r < 0.95) return decide(rec, { type: 'DeclineHandOff', data: { recommendationId: id, committeeId: a.committeeId, on: today(), reason: 'Nicht zuständig' }, meta: meta(member(a.committeeId)) });
      return decide(rec, { type: 'WithdrawHandOff', data: { recommendationId: id, committeeId: a.committeeId, reason: 'Neu zugeschnitten' }, meta: meta(steering()) });
    }
    if (assignments.filter((a) => a.status === 'pending' || a.status === 'accepted').length === 0 || (assignments.length < 3 && random.chance(0.08))) {
      const committee = random.pick(rec.region.committees);
      return decide(rec, {
        type: 'HandOffRecommendation',
        data: { recommendationId: id, committeeId: committee.id, mandate: 'Umsetzung prüfen und berichten', reportDueOn: addDays(today(), random.int(60, 300)), decidedOn: today(), ...(random.chance(0.5) ? { decisionReference: `LK ${today().slice(0, 4)}/${random.int(1, 12)}` } : {}) },
        context: { committee: { regionId: rec.region.id, dissolved: committee.dissolved } },
        meta: meta(steering()),
      });
    }
    if (accepted.length === 0) return undefined;
    const a = random.pick(accepted);
    const indicators = Object.values(state.indicators).filter((i) => i.committeeId === a.committeeId);
    const implemented = assignments.some((x) => x.latestReport?.status === 'implemented' || x.latestReport?.status === 'partially_implemented');
    const r = random.next();
    if (implemented && r < 0.12) {
      return decide(rec, { type: 'ReviewSustainability', data: { recommendationId: id, reviewedOn: today(), outcome: random.pick(['sustained', 'sustained', 'at_risk', 'lapsed'] as const), anchoring: random.chance(0.6) ? [random.pick(['budget', 'regular_structure', 'agreement', 'staff'] as const)] : ['none'], note: 'Geprüft' }, meta: meta(steering()) });
    }
    if (implemented && r < 0.16) {
      const conference = rec.region.conferences.filter((c) => c.held).at(-1)!;
      return decide(rec, { type: 'ReportOutcomeToConference', data: { recommendationId: id, conferenceId: conference.id, summary: 'Ergebnis vorgestellt' }, context: { conference: { regionId: rec.region.id, date: conference.date } }, meta: meta(office()) });
    }
    if (r < 0.3 && indicators.length < 2) {
      return decide(rec, {
        type: 'DefineImpactIndicator',
        data: { recommendationId: id, committeeId: a.committeeId, indicatorId: random.uuid(), name: random.pick(['Übergangsquote', 'Teilnehmende', 'Abbrüche', 'Plätze']), unit: random.pick(['%', 'Personen', 'Plätze']), direction: random.chance(0.7) ? 'increase' : 'decrease', baseline: { value: random.int(10, 50), on: today() }, target: { value: random.int(10, 80), dueOn: addDays(today(), 730) }, source: 'IT.NRW' },
        meta: meta(member(a.committeeId)),
      });
    }
    if (r < 0.5 && indicators.length) {
      return decide(rec, { type: 'RecordImpactMeasurement', data: { recommendationId: id, committeeId: a.committeeId, indicatorId: random.pick(indicators).indicatorId, value: random.int(0, 90) + random.int(0, 9) / 10, measuredOn: today(), source: 'Schulstatistik' }, meta: meta(member(a.committeeId)) });
    }
    const status = random.pick(PROGRESS);
    return decide(rec, {
      type: 'ReportImplementationStatus',
      data: {
        recommendationId: id,
        committeeId: a.committeeId,
        status,
        ...(random.chance(0.5) ? { progressPercent: random.int(0, 100) } : {}),
        summary: 'Sachstand wie besprochen',
        ...(status === 'blocked' || status === 'not_implemented' ? { reason: 'Keine Haushaltsmittel' } : {}),
        evidence: random.chance(0.3) ? [{ title: 'Protokoll', url: 'https://example.org/protokoll.pdf' }] : [],
        reportedOn: today(),
        ...(random.chance(0.6) && status !== 'implemented' ? { nextReportDueOn: addDays(today(), random.int(90, 240)) } : {}),
      },
      meta: meta(member(a.committeeId)),
    });
  }

  // The clock may run past `until` (dates stay there); a run that cannot reach its count ends anyway.
  while (emitted < options.events && day < days * 2) {
    if (++actionsToday > actionsPerDay) {
      actionsToday = 0;
      day++;
      for (const region of regions) yield* conferenceTick(region);
      // Retire recommendations that have run their course, so activity stays on the living ones.
      for (let i = open.length - 1; i >= 0; i--) {
        const s = open[i].state;
        if (s.status === 'adopted' && (s.terminal || day - open[i].openedDay > 6 * 365 || s.reviews.length >= 2)) open.splice(i, 1);
      }
    }
    const region = random.pick(regions);
    if (region.toAdopt > 0 && random.chance(0.3)) {
      const appended = adopt(region);
      if (appended) {
        yield appended;
        continue;
      }
    }
    if (open.length === 0) {
      actionsToday = actionsPerDay;
      continue;
    }
    const appended = step(random.pick(open));
    if (appended) yield appended;
    else if (random.chance(0.3)) actionsToday++; // idle recommendations let the clock run
  }
}
