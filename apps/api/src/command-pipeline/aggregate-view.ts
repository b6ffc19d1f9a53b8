import type { Request, Response } from 'express';
import { ApiProperty } from '@nestjs/swagger';
import type { LoadedAggregate } from './aggregate-reader';
import { etagOf } from './command-answer';

export class AggregateViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Revision des Streams (auch im ETag); für If-Match' }) revision!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Zustand, aus dem Stream gefaltet' }) state!: Record<string, unknown>;
}

/**
 * An aggregate's current state, folded straight from its stream, with its revision as ETag.
 * Answers 304 to a matching If-None-Match.
 */
export function aggregateView<S>(id: string, loaded: LoadedAggregate<S>, request: Request, response: Response): AggregateViewDto | undefined {
  const etag = etagOf(loaded.revision ?? -1n);
  response.setHeader('ETag', etag);
  if (request.header('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    response.status(304);
    return undefined;
  }
  return { id, streamId: loaded.streamId, revision: Number(loaded.revision), state: loaded.state as Record<string, unknown> };
}
