import type { RecordedEvent } from '@app/event-store';
import { auditLogPage } from './audit-log';

const event = (position: number, streamId: string, revision: number, type: string, userId: string, recordedAt: string, data: object = {}): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  streamId,
  revision: BigInt(revision),
  // Global order is commit order; positions need not ascend (see the event store port).
  position: BigInt(position),
  type,
  data,
  metadata: { actor: { userId, role: 'office', committeeIds: [] } },
  recordedAt: new Date(recordedAt),
});

describe('audit log pages', () => {
  const log = [
    event(3, 'region-r', 0, 'RegionRegistered', 'a', '2026-01-01T10:00:00Z', { regionId: 'r', name: 'R', contractSignedOn: '2009-08-24' }),
    event(1, 'committee-c', 0, 'CommitteeRegistered', 'a', '2026-01-01T10:01:00Z', { regionId: 'r', committeeId: 'c', name: 'FG', shortName: 'FG', kind: 'fachgremium', fieldsOfAction: [], effectiveOn: '2026-01-01' }),
    event(2, 'committee-c', 1, 'CommitteeRenamed', 'b', '2026-01-02T10:00:00Z', { committeeId: 'c', name: 'FG Neu', shortName: 'FGN', effectiveOn: '2026-01-02' }),
    event(5, 'committee-c', 2, 'CommitteeDissolved', 'a', '2026-01-03T10:00:00Z', { committeeId: 'c', dissolvedOn: '2026-01-03' }),
  ];

  it('follows the global order with the last position as cursor, even where positions do not ascend', () => {
    const first = auditLogPage(log, new Map(), {}, undefined, 2);
    expect(first.items.map((i) => i.position)).toEqual(['3', '1']);
    expect(first.nextCursor).toBe('1');
    const second = auditLogPage([...log, event(4, 'region-r', 1, 'X', 'a', '2026-01-04T00:00:00Z')], new Map(), {}, 1n, 2);
    expect(second.items.map((i) => i.position)).toEqual(['2', '5']);
    expect(second.nextCursor).toBe('5');
    expect(auditLogPage(log, new Map(), {}, 5n, 2)).toMatchObject({ items: [], nextCursor: null });
  });

  it('filters by actor, types, stream prefix and record time, all at once', () => {
    expect(auditLogPage(log, new Map(), { actor: 'b' }, undefined, 10).items.map((i) => i.type)).toEqual(['CommitteeRenamed']);
    expect(auditLogPage(log, new Map(), { stream: 'committee-', types: ['CommitteeRegistered', 'CommitteeDissolved'] }, undefined, 10).items.map((i) => i.position)).toEqual(['1', '5']);
    expect(auditLogPage(log, new Map(), { recordedFrom: new Date('2026-01-01T10:01:00Z'), recordedTo: new Date('2026-01-03T10:00:00Z') }, undefined, 10).total).toBe(2);
    expect(auditLogPage(log, new Map(), { stream: 'committee' }, undefined, 10).total).toBe(0);
  });

  it('describes each event with the names as they stood then', () => {
    const items = auditLogPage(log, new Map(), {}, undefined, 10).items;
    expect(items[2].description).toBe('Gremium „FG“ umbenannt in „FG Neu“ (FGN).');
    expect(items[3].description).toContain('„FG Neu“');
    expect(items[3].businessDate).toBe('2026-01-03');
  });
});
