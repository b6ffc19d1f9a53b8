import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
import { MAX, PARAGRAPH_FROM } from './limits';

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

/** No line break or tab: names, titles, labels are one line in lists, headings and CSV cells. Message: validation-messages.ts. */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSingleLine',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => typeof value !== 'string' || !/[\t\n\r]/.test(value) },
    });
}

const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * Blanks before and after a text are typing or pasting accidents: removed before validation, so a
 * text of blanks only is empty and refused ("Bitte ausfüllen."), and what is stored is what a reader sees.
 */
const Trimmed = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(trim) : trim(value)));

/** Texts shorter than PARAGRAPH_FROM are single lines; longer ones are paragraphs and keep their line breaks. */
const lineRule = (max: number, each = false) => (max < PARAGRAPH_FROM ? [IsSingleLine({ each })] : []);

type Doc = { description?: string; example?: unknown };

/** A required string of at most `max` characters, trimmed, not empty. */
export const Text = (max: number, doc: Doc = {}) =>
  applyDecorators(ApiProperty({ type: String, maxLength: max, ...doc }), Trimmed(), IsString(), IsNotEmpty(), MaxLength(max), ...lineRule(max));

export const OptionalText = (max: number, doc: Doc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max, ...doc }),
    Trimmed(),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    ...lineRule(max),
  );

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
    Trimmed(),
    IsArray(),
    ArrayMaxSize(MAX.listItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(MAX.label, { each: true }),
    IsSingleLine({ each: true }),
  );

export const OptionalLabels = (doc: Doc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, isArray: true, maxItems: MAX.listItems, ...doc }),
    Trimmed(),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX.listItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(MAX.label, { each: true }),
    IsSingleLine({ each: true }),
  );

export const OneOf = <T extends string>(values: readonly T[], doc: Doc = {}) =>
  applyDecorators(ApiProperty({ enum: values, ...doc }), IsIn(values as T[]));

export const OptionalOneOf = <T extends string>(values: readonly T[], doc: Doc = {}) =>
  applyDecorators(ApiPropertyOptional({ enum: values, ...doc }), IsOptional(), IsIn(values as T[]));
