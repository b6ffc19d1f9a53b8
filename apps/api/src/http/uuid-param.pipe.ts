import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ProblemException } from './problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are uuids; anything else is a 400 naming the parameter. Lower-cased so ids compare as stored. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      const field = metadata.data ?? 'id';
      throw ProblemException.of(400, `Der Pfadparameter ${field} muss eine UUID sein.`, {
        code: 'validation',
        errors: [{ field, message: 'Muss eine UUID sein.' }],
      });
    }
    return value.toLowerCase();
  }
}
