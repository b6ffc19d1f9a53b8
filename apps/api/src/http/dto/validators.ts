import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDate } from '@app/domain';
import { MAX } from './limits';

/** A real calendar day 'YYYY-MM-DD' (2026-02-30 is refused here, before the domain sees it). Message: validation-messages.ts. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

type Doc = { description?: string; example?: unknown };

/** A required non-empty string of at most `max` characters. */
export const Text = (max: number, doc: Doc = {}) =>
  applyDecorators(ApiProperty({ type: String, maxLength: max, ...doc }), IsString(), IsNotEmpty(), MaxLength(max));

export const OptionalText = (max: number, doc: Doc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength: max, ...doc }), IsOptional(), IsString(), IsNotEmpty(), MaxLength(max));

export const Day = (doc: Doc = {}) =>
  applyDecorators(ApiProperty({ type: String, format: 'date', ...doc }), IsCalendarDay());

export const OptionalDay = (doc: Doc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, format: 'date', ...doc }), IsOptional(), IsCalendarDay());

export const Uuid = (doc: Doc = {}) => applyDecorators(ApiProperty({ type: String, format: 'uuid', ...doc }), IsUUID('all'));

export const OptionalUuid = (doc: Doc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, format: 'uuid', ...doc }), IsOptional(), IsUUID('all'));

export const UuidList = (doc: Doc = {}) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'uuid', isArray: true, maxItems: MAX.listItems, ...doc }),
    IsArray(),
    ArrayMaxSize(MAX.listItems),
    IsUUID('all', { each: true }),
  );

/** A list of short labels (Handlungsfelder, Themen, Entscheidungsträger). */
export const Labels = (doc: Doc = {}) =>
  applyDecorators(
    ApiProperty({ type: String, isArray: true, maxItems: MAX.listItems, ...doc }),
    IsArray(),
    ArrayMaxSize(MAX.listItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(MAX.label, { each: true }),
  );

export const OptionalLabels = (doc: Doc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, isArray: true, maxItems: MAX.listItems, ...doc }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX.listItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(MAX.label, { each: true }),
  );

export const OneOf = <T extends string>(values: readonly T[], doc: Doc = {}) =>
  applyDecorators(ApiProperty({ enum: values, ...doc }), IsIn(values as T[]));

export const OptionalOneOf = <T extends string>(values: readonly T[], doc: Doc = {}) =>
  applyDecorators(ApiPropertyOptional({ enum: values, ...doc }), IsOptional(), IsIn(values as T[]));
