import type { CalendarDate, CommitteeKind, ConferenceKind } from '@app/domain';
import { conferenceLabel } from '@app/figures';
import { newAggregateId } from '../../command-pipeline/derived-ids';
import { MAX } from '../../http/dto/limits';
import type { ColumnMapping } from '../mapping';
import { normalizeName } from '../mapping';
import { germanDate as de } from '../rows/dates';
import type { ImportRow, RowError } from '../rows/import-row';
import type { ImportStep, PlannedRow } from './import-step';
import { committeeKey, conferenceKey, rowKey } from './keys';
import { committeeKindOf, conferenceOfName, conferenceShort, shortNameOf } from './names';
import type { RegionDirectory } from './region-directory';

/** A conference or committee the file names that the region does not know yet. */
export interface ProposedConference {
  id: string;
  /** The first row naming it. */
  line: number;
  name: string;
  number: number;
  kind: ConferenceKind;
  date: CalendarDate;
}
export interface ProposedCommittee {
  id: string;
  line: number;
  name: string;
  shortName: string;
  kind: CommitteeKind;
  registeredOn: CalendarDate;
}

export interface ImportPlan {
  proposals: { conferences: ProposedConference[]; committees: ProposedCommittee[] };
  /** Registrations of the proposed conferences and committees; they run before the rows. */
  setup: ImportStep[];
  rows: PlannedRow[];
  errors: RowError[];
}

type ConferenceRef = { id: string; number: number; kind: ConferenceKind };
type CommitteeRef = { id: string; name: string };

/**
 * Turns checked rows into the ordinary commands that record them: per row the adoption, a hand-off
 * per committee of "Übergeben an" (the steering group's decision on "Übergeben am"), and for a
 * "Stand" the committee's acceptance on that day and its status report on "Stand vom" (or the
 * withdrawal). Names are matched to the region's conferences and committees case- and
 * whitespace-insensitively; unknown ones are proposed and registered first. Pure: ids follow from
 * the region and the import keys.
 */
export function planImport(rows: ImportRow[], directory: RegionDirectory, mapping: ColumnMapping): ImportPlan {
  const { regionId } = directory;
  const errors: RowError[] = [];
  const conferences = conferenceIndex(directory);
  const committees = committeeIndex(directory);
  const proposedConferences = new Map<string, ProposedConference>();
  const proposedCommittees = new Map<string, ProposedCommittee>();

  const conferenceOf = (row: ImportRow): ConferenceRef | undefined => {
    const name = normalizeName(row.conference);
    const known = conferences.get(name);
    if (known) return known;
    const parsed = conferenceOfName(row.conference);
    const byNumber = parsed && conferences.get(`#${parsed.kind}:${parsed.number}`);
    if (byNumber) return byNumber;
    if (!parsed) {
      errors.push({
        line: row.line,
        column: mapping.conference,
        message: `Konferenz „${row.conference}“ ist in dieser Bildungsregion nicht bekannt und nicht als neue erkennbar (z. B. „9. Bildungskonferenz“, „9. BK“ oder „1. Tag der Bildung“).`,
      });
      return undefined;
    }
    const canonical = normalizeName(conferenceLabel(parsed.number, parsed.kind));
    const proposed = proposedConferences.get(canonical);
    if (proposed) {
      if (row.adoptedOn < proposed.date) proposed.date = row.adoptedOn;
      return proposed;
    }
    const created: ProposedConference = {
      id: newAggregateId(regionId, conferenceKey(canonical), 'conference'),
      line: row.line,
      name: conferenceLabel(parsed.number, parsed.kind),
      ...parsed,
      date: row.adoptedOn,
    };
    proposedConferences.set(canonical, created);
    return created;
  };

  const committeeOf = (name: string, on: CalendarDate, create: boolean, line: number): CommitteeRef | undefined => {
    const key = normalizeName(name);
    const known = committees.get(key);
    if (known) return known;
    const proposed = proposedCommittees.get(key);
    if (proposed) {
      if (on < proposed.registeredOn) proposed.registeredOn = on;
      return proposed;
    }
    if (!create) return undefined;
    if (name.length > MAX.name) {
      errors.push({ line, column: mapping.handedOffTo, message: `Gremiumsname ist länger als ${MAX.name} Zeichen.` });
      return undefined;
    }
    const created: ProposedCommittee = {
      id: newAggregateId(regionId, committeeKey(key), 'committee'),
      line,
      name,
      shortName: shortNameOf(name),
      kind: committeeKindOf(name),
      registeredOn: on,
    };
    proposedCommittees.set(key, created);
    return created;
  };

  // First pass: every name, so a committee handed to in row 9 is an addressee in row 3 too.
  const resolved = rows.map((row) => ({
    row,
    conference: conferenceOf(row),
    handOffs: row.handedOffTo.map((name) => committeeOf(name, row.handedOffOn!, true, row.line)),
  }));

  const seenKeys = new Map<string, number>();
  const seenReferences = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const { row, conference, handOffs } of resolved) {
    if (!conference || handOffs.some((c) => c === undefined)) continue;
    const key = rowKey(row);
    const reference = row.number.includes('/') ? row.number : `${conferenceShort(conference.number, conference.kind)} / ${row.number}`;
    const referenceKey = `${conference.id}|${normalizeName(reference)}`;
    const recommendationId = newAggregateId(regionId, key, 'recommendation');
    const rowErrors = checkRow(row, reference, mapping);
    const twin = seenKeys.get(key);
    if (twin !== undefined) rowErrors.push({ line: row.line, column: mapping.number, message: `Die Zeile gleicht Zeile ${twin}; bitte die doppelte Zeile entfernen.` });
    else if (seenReferences.has(referenceKey)) {
      rowErrors.push({ line: row.line, column: mapping.number, message: `Die Kennung „${reference}“ steht schon in Zeile ${seenReferences.get(referenceKey)}.` });
    } else {
      const existing = directory.references.get(referenceKey);
      if (existing !== undefined && existing !== recommendationId) {
        rowErrors.push({ line: row.line, column: mapping.number, message: `Die Empfehlung „${reference}“ ist in dieser Bildungsregion bereits erfasst (mit anderem Inhalt).` });
      }
    }
    // The first row with a key or reference is the one later rows are told about.
    if (!seenKeys.has(key)) seenKeys.set(key, row.line);
    if (!seenReferences.has(referenceKey)) seenReferences.set(referenceKey, row.line);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const addressees = row.addressees.map((name) => ({ name, committee: committeeOf(name, row.adoptedOn, false, row.line) }));
    planned.push({
      line: row.line,
      reference,
      title: row.title,
      steps: rowSteps(row, key, recommendationId, regionId, conference.id, reference, handOffs as CommitteeRef[], addressees, mapping),
    });
  }

  const setup = [...setupSteps(regionId, [...proposedConferences.values()], [...proposedCommittees.values()], rows, mapping)];
  return {
    proposals: { conferences: [...proposedConferences.values()], committees: [...proposedCommittees.values()] },
    setup,
    rows: planned,
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

function checkRow(row: ImportRow, reference: string, mapping: ColumnMapping): RowError[] {
  const errors: RowError[] = [];
  const tooLong = (column: string, value: string, max: number) => {
    if (value.length > max) errors.push({ line: row.line, column, message: `ist länger als ${max} Zeichen.` });
  };
  tooLong(mapping.title, row.title, MAX.title);
  tooLong(mapping.number, reference, MAX.reference);
  tooLong(mapping.mandate, row.mandate ?? '', MAX.mandate);
  for (const field of row.fieldsOfAction) tooLong(mapping.fieldsOfAction, field, MAX.label);
  for (const name of row.addressees) tooLong(mapping.addressees, name, MAX.name);
  if (row.fieldsOfAction.length > MAX.listItems) errors.push({ line: row.line, column: mapping.fieldsOfAction, message: `nennt mehr als ${MAX.listItems} Einträge.` });
  if (row.addressees.length > MAX.listItems) errors.push({ line: row.line, column: mapping.addressees, message: `nennt mehr als ${MAX.listItems} Einträge.` });
  return errors;
}

function rowSteps(
  row: ImportRow,
  key: string,
  recommendationId: string,
  regionId: string,
  conferenceId: string,
  reference: string,
  handOffs: CommitteeRef[],
  addressees: { name: string; committee: CommitteeRef | undefined }[],
  mapping: ColumnMapping,
): ImportStep[] {
  const rec = (column: string, step: Omit<ImportStep, 'aggregate' | 'aggregateId' | 'line' | 'column'>): ImportStep => ({
    aggregate: 'recommendation',
    aggregateId: recommendationId,
    line: row.line,
    column,
    ...step,
  });
  const unique = <T>(items: T[]) => [...new Set(items)];
  const steps: ImportStep[] = [
    rec(mapping.adoptedOn, {
      key: `${key}:adopt`,
      actor: { as: 'office' },
      businessDate: row.adoptedOn,
      description: `Empfehlung „${reference}“ erfassen (beschlossen am ${de(row.adoptedOn)})`,
      command: {
        type: 'AdoptRecommendation',
        data: {
          recommendationId,
          regionId,
          conferenceId,
          reference,
          title: row.title,
          text: row.text,
          fieldsOfAction: unique(row.fieldsOfAction),
          addressees: {
            committeeIds: unique(addressees.flatMap((a) => (a.committee ? [a.committee.id] : []))),
            decisionMakers: unique(addressees.flatMap((a) => (a.committee ? [] : [a.name]))),
          },
          originCommitteeIds: [],
          adoptedOn: row.adoptedOn,
        },
      },
    }),
  ];
  const committees = handOffs.filter((c, i) => handOffs.findIndex((o) => o.id === c.id) === i);
  for (const committee of committees) {
    steps.push(
      rec(mapping.handedOffTo, {
        key: `${key}:hand-off:${committee.id}`,
        actor: { as: 'steering' },
        businessDate: row.handedOffOn!,
        description: `Übergabe an ${committee.name} (beschlossen am ${de(row.handedOffOn!)}, Bericht fällig ${de(row.reportDueOn!)})`,
        command: {
          type: 'HandOffRecommendation',
          data: {
            recommendationId,
            committeeId: committee.id,
            mandate: row.mandate ?? 'Übernommen aus der importierten Liste.',
            reportDueOn: row.reportDueOn!,
            decidedOn: row.handedOffOn!,
          },
        },
      }),
    );
  }
  const status = row.status;
  if (status?.kind === 'report') {
    for (const committee of committees) {
      steps.push(
        rec(mapping.handedOffOn, {
          key: `${key}:accept:${committee.id}`,
          actor: { as: 'committee', committeeId: committee.id },
          businessDate: row.handedOffOn!,
          description: `Annahme durch ${committee.name} (am ${de(row.handedOffOn!)})`,
          command: { type: 'AcceptHandOff', data: { recommendationId, committeeId: committee.id, on: row.handedOffOn! } },
        }),
        rec(mapping.status, {
          key: `${key}:report:${committee.id}`,
          actor: { as: 'committee', committeeId: committee.id },
          businessDate: row.statusOn!,
          description: `Umsetzungsstand „${status.label}“ von ${committee.name} (am ${de(row.statusOn!)})`,
          command: {
            type: 'ReportImplementationStatus',
            data: {
              recommendationId,
              committeeId: committee.id,
              status: status.status,
              summary: `Stand laut importierter Liste: ${status.label}`,
              ...(status.note && (status.status === 'not_implemented' || status.status === 'blocked') ? { reason: status.note } : {}),
              evidence: [],
              reportedOn: row.statusOn!,
            },
          },
        }),
      );
    }
  } else if (status?.kind === 'withdrawn') {
    steps.push(
      rec(mapping.status, {
        key: `${key}:withdraw`,
        actor: { as: 'steering' },
        businessDate: row.statusOn!,
        description: `Empfehlung zurückziehen (am ${de(row.statusOn!)})`,
        command: { type: 'WithdrawRecommendation', data: { recommendationId, reason: status.note!, effectiveOn: row.statusOn! } },
      }),
    );
  }
  return steps;
}

function* setupSteps(regionId: string, conferences: ProposedConference[], committees: ProposedCommittee[], rows: ImportRow[], mapping: ColumnMapping): Generator<ImportStep> {
  for (const c of conferences) {
    const topics = [...new Set(rows.filter((r) => conferenceOfName(r.conference)?.number === c.number && conferenceOfName(r.conference)?.kind === c.kind).flatMap((r) => r.fieldsOfAction))];
    const key = conferenceKey(normalizeName(c.name));
    yield {
      key: `${key}:schedule`,
      aggregate: 'conference',
      aggregateId: c.id,
      line: c.line,
      column: mapping.conference,
      actor: { as: 'office' },
      businessDate: c.date,
      description: `Konferenz „${c.name}“ anlegen (am ${de(c.date)})`,
      command: { type: 'ScheduleConference', data: { conferenceId: c.id, regionId, number: c.number, kind: c.kind, title: c.name, date: c.date, topics: topics.slice(0, 50), effectiveOn: c.date } },
    };
    yield {
      key: `${key}:hold`,
      aggregate: 'conference',
      aggregateId: c.id,
      line: c.line,
      column: mapping.conference,
      actor: { as: 'office' },
      businessDate: c.date,
      description: `Konferenz „${c.name}“ als gehalten erfassen (am ${de(c.date)})`,
      command: { type: 'HoldConference', data: { conferenceId: c.id, heldOn: c.date } },
    };
  }
  for (const c of committees) {
    yield {
      key: `${committeeKey(normalizeName(c.name))}:register`,
      aggregate: 'committee',
      aggregateId: c.id,
      line: c.line,
      column: mapping.handedOffTo,
      actor: { as: 'office' },
      businessDate: c.registeredOn,
      description: `Gremium „${c.name}“ anlegen (${c.kind}, ab ${de(c.registeredOn)})`,
      command: { type: 'RegisterCommittee', data: { committeeId: c.id, regionId, name: c.name, shortName: c.shortName, kind: c.kind, fieldsOfAction: [], effectiveOn: c.registeredOn } },
    };
  }
}

/** Conferences by their names as people write them ("9. bildungskonferenz", "9. bk", the title) and by kind and number. */
function conferenceIndex(directory: RegionDirectory): Map<string, ConferenceRef> {
  const index = new Map<string, ConferenceRef>();
  for (const c of directory.conferences) {
    const ref = { id: c.id, number: c.number, kind: c.kind };
    for (const name of [c.title, c.label, conferenceShort(c.number, c.kind)]) if (!index.has(normalizeName(name))) index.set(normalizeName(name), ref);
    index.set(`#${c.kind}:${c.number}`, ref);
  }
  return index;
}

function committeeIndex(directory: RegionDirectory): Map<string, CommitteeRef> {
  const index = new Map<string, CommitteeRef>();
  for (const c of directory.committees) {
    for (const name of [c.name, c.shortName]) if (!index.has(normalizeName(name))) index.set(normalizeName(name), { id: c.id, name: c.name });
  }
  return index;
}
