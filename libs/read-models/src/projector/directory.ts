import type { CommitteeEvent, ConferenceEvent, RegionEvent } from '@app/domain';
import type { CommitteeRow, ConferenceRow, RegionRow } from '../tables/entities';
import { conferenceLabel } from '@app/figures/timeline/labels';

/**
 * Regions, conferences and committees: few rows, needed by name in every timeline sentence, so the
 * projector keeps all of them in memory (loaded from the read model when it starts).
 */
export interface Directory {
  regions: Map<string, RegionRow>;
  conferences: Map<string, ConferenceRow>;
  committees: Map<string, CommitteeRow>;
}

export const emptyDirectory = (): Directory => ({ regions: new Map(), conferences: new Map(), committees: new Map() });

export type DirectoryEvent = RegionEvent | ConferenceEvent | CommitteeEvent;
export type DirectoryChange = { table: 'regions'; row: RegionRow } | { table: 'conferences'; row: ConferenceRow } | { table: 'committees'; row: CommitteeRow };

/** Applies one event to the directory; returns the changed row, or undefined if the event finds nothing to change. */
export function evolveDirectory(directory: Directory, event: DirectoryEvent): DirectoryChange | undefined {
  switch (event.type) {
    case 'RegionRegistered': {
      const row: RegionRow = { region_id: event.data.regionId, name: event.data.name, contract_signed_on: event.data.contractSignedOn };
      directory.regions.set(row.region_id, row);
      return { table: 'regions', row };
    }
    case 'ConferenceScheduled': {
      const d = event.data;
      const row: ConferenceRow = {
        conference_id: d.conferenceId,
        region_id: d.regionId,
        number: d.number,
        kind: d.kind,
        label: conferenceLabel(d.number, d.kind),
        title: d.title,
        motto: d.motto ?? null,
        date: d.date,
        held_on: null,
        topics: d.topics,
      };
      directory.conferences.set(row.conference_id, row);
      return { table: 'conferences', row };
    }
    case 'ConferenceHeld':
    case 'ConferenceRescheduled': {
      const current = directory.conferences.get(event.data.conferenceId);
      if (!current) return undefined;
      const row = event.type === 'ConferenceHeld' ? { ...current, held_on: event.data.heldOn } : { ...current, date: event.data.date };
      directory.conferences.set(row.conference_id, row);
      return { table: 'conferences', row };
    }
    case 'CommitteeRegistered': {
      const d = event.data;
      const row: CommitteeRow = {
        committee_id: d.committeeId,
        region_id: d.regionId,
        name: d.name,
        short_name: d.shortName,
        kind: d.kind,
        fields_of_action: d.fieldsOfAction,
        dissolved_on: null,
        successor_committee_id: null,
      };
      directory.committees.set(row.committee_id, row);
      return { table: 'committees', row };
    }
    case 'CommitteeRenamed':
    case 'CommitteeDissolved': {
      const current = directory.committees.get(event.data.committeeId);
      if (!current) return undefined;
      const row =
        event.type === 'CommitteeRenamed'
          ? { ...current, name: event.data.name, short_name: event.data.shortName }
          : { ...current, dissolved_on: event.data.dissolvedOn, successor_committee_id: event.data.successorCommitteeId ?? null };
      directory.committees.set(row.committee_id, row);
      return { table: 'committees', row };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
