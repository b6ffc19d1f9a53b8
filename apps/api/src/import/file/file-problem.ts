/** Why a file cannot be read at all (no row is looked at): the HTTP status and a German sentence. */
export class ImportFileProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const isImportFileProblem = (e: unknown): e is ImportFileProblem => e instanceof ImportFileProblem;
