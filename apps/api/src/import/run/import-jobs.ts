import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import { ProblemException } from '../../http/problem.exception';
import type { ImportService, PreparedImport } from './import.service';

export interface ImportJob {
  importId: string;
  regionId: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error?: string;
}

/**
 * Imports running in this process, for the progress the web page polls. Kept in memory only: if the
 * process dies, the job is gone, and importing the file again finishes what is missing.
 */
const KEPT_JOBS = 100;

@Injectable()
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  get(regionId: string, importId: string): ImportJob | undefined {
    const job = this.jobs.get(importId);
    return job && job.regionId === regionId ? job : undefined;
  }

  start(service: ImportService, prepared: PreparedImport, importer: Actor): ImportJob {
    const running = this.jobs.get(prepared.importId);
    if (running?.state === 'running') {
      throw ProblemException.of(409, 'Diese Datei wird gerade importiert; bitte den Fortschritt abwarten.', { code: 'import.running', importId: prepared.importId });
    }
    const job: ImportJob = { importId: prepared.importId, regionId: prepared.regionId, state: 'running', done: 0, total: prepared.simulation.toWrite };
    this.jobs.delete(job.importId);
    this.jobs.set(job.importId, job);
    // The progress of finished imports is kept for the last few only (Map order is insertion order).
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (old.state !== 'running') this.jobs.delete(id);
    }
    service
      .execute(prepared, importer, (progress) => Object.assign(job, progress))
      .then((progress) => Object.assign(job, progress, { state: 'done' }))
      .catch((error: unknown) => {
        const domain = (error as { error?: { message?: string } }).error;
        Object.assign(job, {
          state: 'failed',
          error: `Import nach ${job.done} von ${job.total} Befehlen abgebrochen: ${domain?.message ?? (error instanceof Error ? error.message : String(error))} Ein erneuter Import derselben Datei schreibt nur, was noch fehlt.`,
        });
      });
    return job;
  }
}
