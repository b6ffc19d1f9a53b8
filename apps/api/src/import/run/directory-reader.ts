import { Inject, Injectable } from '@nestjs/common';
import { calendarDateOf, type ConferenceKind } from '@app/domain';
import { CLOCK, type Clock } from '../../command-pipeline/clock';
import { RegionHistory } from '../../queries/shared/region-history';
import { normalizeName } from '../mapping';
import type { RegionDirectory } from '../plan/region-directory';

/**
 * The region's conferences, committees and references as the views see them now: from the read
 * models when the projector has applied the whole log, else replayed from the log. A conference
 * registered a second ago is matched, never proposed a second time.
 */
@Injectable()
export class ImportDirectoryReader {
  constructor(
    private readonly history: RegionHistory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(regionId: string): Promise<RegionDirectory> {
    const snapshot = await this.history.snapshot(regionId, { asOf: calendarDateOf(this.clock()) });
    return {
      regionId,
      conferences: [...snapshot.directory.conferences.values()].map((c) => ({
        id: c.conference_id,
        number: c.number,
        kind: c.kind as ConferenceKind,
        label: c.label,
        title: c.title,
        date: c.held_on ?? c.date,
      })),
      committees: [...snapshot.directory.committees.values()].map((c) => ({ id: c.committee_id, name: c.name, shortName: c.short_name, dissolved: c.dissolved_on !== null })),
      references: new Map(snapshot.facts.map((f) => [`${f.conferenceId}|${normalizeName(f.reference)}`, f.recommendationId])),
    };
  }
}
