import { listPage, listQueryOf } from './list-page';
import type { OParlObject } from './model/render';

const paper = (n: number, created: string, modified = created, deleted = false): OParlObject => ({
  id: `https://x.example/oparl/v1/bodies/b/papers/${String(n).padStart(3, '0')}`,
  type: 'https://schema.oparl.org/1.1/Paper',
  created,
  modified,
  ...(deleted ? { deleted: true } : {}),
});
const LIST = 'https://x.example/oparl/v1/bodies/b/papers';

describe('listPage: an OParl external object list', () => {
  const papers = [
    paper(3, '2026-01-03T10:00:00.000Z'),
    paper(1, '2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'),
    paper(2, '2026-01-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z', true),
  ];

  it('orders by id, leaves deleted objects out without modified_since, and links first, self, last', () => {
    const page = listPage(papers, listQueryOf({}), LIST);
    expect(page.data.map((p) => p.id.slice(-3))).toEqual(['001', '003']);
    expect(page.pagination).toEqual({ totalElements: 2, elementsPerPage: 100, currentPage: 1, totalPages: 1 });
    expect(page.links).toEqual({ first: LIST, self: LIST, last: LIST });
  });

  it('with modified_since lists the deleted ones too (the update mechanism); bounds are inclusive', () => {
    const page = listPage(papers, listQueryOf({ modified_since: '2026-02-01T11:00:00+01:00' }), LIST);
    expect(page.data.map((p) => [p.id.slice(-3), p.deleted ?? false])).toEqual([
      ['001', false],
      ['002', true],
    ]);
    expect(listPage(papers, listQueryOf({ created_until: '2026-01-02T10:00:00Z', modified_since: '2000-01-01T00:00:00Z' }), LIST).data).toHaveLength(2);
  });

  it('pages with limit and keeps the filters in every link', () => {
    const many = Array.from({ length: 5 }, (_, i) => paper(i, '2026-01-01T00:00:00Z'));
    const page = listPage(many, listQueryOf({ created_since: '2025-12-31T00:00:00Z', limit: '2', page: '2' }), LIST);
    expect(page.data.map((p) => p.id.slice(-3))).toEqual(['002', '003']);
    expect(page.links).toEqual({
      first: `${LIST}?created_since=2025-12-31T00%3A00%3A00Z&limit=2`,
      prev: `${LIST}?created_since=2025-12-31T00%3A00%3A00Z&limit=2`,
      self: `${LIST}?created_since=2025-12-31T00%3A00%3A00Z&limit=2&page=2`,
      next: `${LIST}?created_since=2025-12-31T00%3A00%3A00Z&limit=2&page=3`,
      last: `${LIST}?created_since=2025-12-31T00%3A00%3A00Z&limit=2&page=3`,
    });
  });

  it.each([
    [{ created_since: '2026-01-01' }, 'created_since'],
    [{ modified_until: 'gestern' }, 'modified_until'],
    [{ page: '0' }, 'page'],
    [{ limit: '-5' }, 'limit'],
    [{ page: ['1', '2'] }, 'page'],
  ])('refuses %j with 400 naming %s', (query, field) => {
    expect(() => listQueryOf(query)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field })] }) }));
  });
});
