import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ProblemException } from '../../http/problem.exception';
import { IMPORT_LIMITS } from '../limits';

const Multer = FileInterceptor('file', {
  limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 4, fieldSize: 16 * 1024, parts: 6 },
});

/** multipart/form-data with one `file` (and an optional `mapping`), its errors in German problem+json. */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      const status = (error as { getStatus?: () => number }).getStatus?.();
      if (status === 413) {
        throw ProblemException.of(413, `Die Datei ist größer als ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`, { code: 'import.file-too-large' });
      }
      throw ProblemException.of(400, 'Erwartet wird multipart/form-data mit einer Datei im Feld „file“ und optional der Spaltenzuordnung im Feld „mapping“.', {
        code: 'import.upload',
      });
    }
  }
}
