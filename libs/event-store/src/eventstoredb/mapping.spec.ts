import { ANY, NO_STREAM, START, STREAM_EXISTS, WrongExpectedVersionError, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { convertGrpcRecord } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { UUID, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import {
  END_OF_LOG_MARKER,
  hasNoPosition,
  isSystemEvent,
  matchesPrefixes,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toMetadata,
  toPosition,
  toRecordedEvent,
  toStreamFilter,
  toWrongExpectedRevisionError,
} from './mapping';

describe('EventStoreDB mapping (no server needed)', () => {
  describe('expected revision', () => {
    it.each([
      ['any', ANY],
      ['no_stream', NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
    ] as const)('maps %s to the client constant', (ours, theirs) => {
      expect(toEsdbExpectedRevision(ours)).toBe(theirs);
    });

    it('passes an exact revision through as a bigint', () => {
      expect(toEsdbExpectedRevision(0n)).toBe(0n);
      expect(toEsdbExpectedRevision(41n)).toBe(41n);
    });

    it('refuses a negative revision instead of sending it', () => {
      expect(() => toEsdbExpectedRevision(-1n)).toThrow(RangeError);
    });
  });

  describe('wrong expected version', () => {
    const clientError = (current: bigint | 'no_stream') =>
      new WrongExpectedVersionError(undefined, { streamName: 'recommendation-1', expected: NO_STREAM, current });

    it('carries the actual revision of an existing stream', () => {
      const error = toWrongExpectedRevisionError('recommendation-1', 'no_stream', clientError(3n).actualVersion);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 'recommendation-1', expected: 'no_stream', actual: 3n });
    });

    it('says no_stream when the stream is missing', () => {
      const error = toWrongExpectedRevisionError('recommendation-1', 2n, clientError('no_stream').actualVersion);
      expect(error).toMatchObject({ expected: 2n, actual: 'no_stream' });
    });
  });

  describe('positions', () => {
    it('starts at the beginning when there is no checkpoint', () => {
      expect(toEsdbPosition(undefined)).toBe(START);
    });

    it('resumes from {commit, prepare} both set to the checkpoint', () => {
      expect(toEsdbPosition(18_446_744_073_709_551_000n)).toEqual({
        commit: 18_446_744_073_709_551_000n,
        prepare: 18_446_744_073_709_551_000n,
      });
    });

    it('round-trips: the position we hand out is the one we resume from', () => {
      for (const p of [0n, 1n, 4_096n, 2n ** 62n]) {
        expect(toPosition(toEsdbPosition(p) as { commit: bigint; prepare: bigint })).toBe(p);
      }
    });

    it('uses the commit position of an event', () => {
      expect(toPosition({ commit: 900n, prepare: 900n })).toBe(900n);
    });

    it('refuses a negative checkpoint', () => {
      expect(() => toEsdbPosition(-5n)).toThrow(RangeError);
    });
  });

  describe('filters', () => {
    it('treats $-streams and $-types as system events', () => {
      expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
      expect(isSystemEvent({ streamId: '$$recommendation-1', type: '$metadata' })).toBe(true);
      expect(isSystemEvent({ streamId: 'recommendation-1', type: '$>' })).toBe(true);
      expect(isSystemEvent({ streamId: 'recommendation-1', type: 'RecommendationAdopted' })).toBe(false);
    });

    it('matches stream prefixes, and everything without any', () => {
      expect(matchesPrefixes('recommendation-1', ['committee-', 'recommendation-'])).toBe(true);
      expect(matchesPrefixes('conference-1', ['committee-', 'recommendation-'])).toBe(false);
      expect(matchesPrefixes('conference-1', undefined)).toBe(true);
      expect(matchesPrefixes('conference-1', [])).toBe(true);
    });

    it('filters the subscription by prefix on the server', () => {
      expect(toStreamFilter(['recommendation-'])).toMatchObject({ filterOn: 'streamName', prefixes: ['recommendation-'] });
    });

    it('without prefixes, still keeps $-streams out on the server', () => {
      const filter = toStreamFilter(undefined);
      expect(filter).toMatchObject({ filterOn: 'streamName' });
      const regex = new RegExp((filter as { regex: string }).regex);
      expect(regex.test('$stats-1')).toBe(false);
      expect(regex.test('recommendation-1')).toBe(true);
    });
  });

  describe('recorded events', () => {
    const created = new Date('2026-03-04T10:11:12.345Z');
    const esdbEvent = (overrides: Partial<EsdbRecordedEvent> = {}) =>
      ({
        streamId: 'recommendation-7',
        id: '6f1c0e1e-9f0e-4c43-9d55-1f9b1f7d1a11',
        isJson: true,
        revision: 2n,
        type: 'RecommendationAdopted',
        created,
        data: { title: 'Ganztag' },
        metadata: { actor: 'u-1' },
        position: { commit: 5_120n, prepare: 5_120n },
        ...overrides,
      }) as EsdbRecordedEvent;

    it('maps ids, revision, commit position, data, metadata and created', () => {
      expect(toRecordedEvent(esdbEvent())).toEqual({
        id: '6f1c0e1e-9f0e-4c43-9d55-1f9b1f7d1a11',
        streamId: 'recommendation-7',
        revision: 2n,
        position: 5_120n,
        type: 'RecommendationAdopted',
        data: { title: 'Ganztag' },
        metadata: { actor: 'u-1' },
        recordedAt: created,
      });
    });

    it('gives empty metadata when the event has none or it is not an object', () => {
      expect(toRecordedEvent(esdbEvent({ metadata: undefined })).metadata).toEqual({});
      expect(toMetadata(new Uint8Array([1, 2]))).toEqual({});
      expect(toMetadata(['a'])).toEqual({});
    });

    it('refuses an event carrying the server no-position marker, as the client converts it', () => {
      // What a server before 22.6 sends for an event read from a stream: -1 as an unsigned 64-bit number.
      const record = new ReadResp.ReadEvent.RecordedEvent();
      record.setId(new UUID().setString('6f1c0e1e-9f0e-4c43-9d55-1f9b1f7d1a11'));
      record.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from('recommendation-7')));
      record.setStreamRevision('2');
      record.setCommitPosition('18446744073709551615');
      record.setPreparePosition('18446744073709551615');
      record.getMetadataMap().set('type', 'RecommendationAdopted').set('content-type', 'application/json').set('created', '0');
      record.setData(Buffer.from('{}'));
      const converted = convertGrpcRecord(record);
      // The client never leaves the position undefined: it hands the marker on as a number.
      expect(converted.position).toEqual({ commit: END_OF_LOG_MARKER, prepare: END_OF_LOG_MARKER });
      expect(() => toRecordedEvent(converted)).toThrow(/without a position/);
    });

    it('takes the largest real position, one below the marker', () => {
      const last = END_OF_LOG_MARKER - 1n;
      expect(toRecordedEvent(esdbEvent({ position: { commit: last, prepare: last } })).position).toBe(last);
      expect(hasNoPosition({ commit: last, prepare: last })).toBe(false);
      expect(hasNoPosition(undefined)).toBe(true);
    });
  });
});
