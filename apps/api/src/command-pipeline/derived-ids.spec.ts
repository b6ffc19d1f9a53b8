import { derivedId, eventIdFor, newAggregateId, uuidV5 } from './derived-ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('ids derived from an Idempotency-Key', () => {
  it('computes RFC 9562 version-5 uuids (the DNS example of the RFC)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives the same ids for the same region, key and purpose, and different ones otherwise', () => {
    const region = '0a0a0a0a-0000-4000-8000-000000000001';
    expect(eventIdFor(region, 'key-1', 0)).toBe(eventIdFor(region, 'key-1', 0));
    const ids = new Set([
      eventIdFor(region, 'key-1', 0),
      eventIdFor(region, 'key-1', 1),
      eventIdFor(region, 'key-2', 0),
      eventIdFor('0b0b0b0b-0000-4000-8000-000000000002', 'key-1', 0),
      newAggregateId(region, 'key-1', 'recommendation'),
      newAggregateId(region, 'key-1', 'committee'),
    ]);
    expect(ids.size).toBe(6);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('is random without a key', () => {
    expect(derivedId('r', undefined, 'x')).not.toBe(derivedId('r', undefined, 'x'));
    expect(derivedId('r', undefined, 'x')).toMatch(UUID);
  });
});
