import { jsonDiff } from './json-diff';

describe('jsonDiff', () => {
  it('is empty for equal values, including absent versus undefined members', () => {
    expect(jsonDiff({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
    expect(jsonDiff({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });

  it('names each differing leaf by its path, keys sorted, arrays by index', () => {
    expect(jsonDiff({ z: 1, a: { s: 'x', list: [1, 2] } }, { z: 2, a: { s: 'x', list: [1, 3, 4] } })).toEqual([
      { path: 'a.list[1]', before: 2, after: 3 },
      { path: 'a.list[2]', before: null, after: 4 },
      { path: 'z', before: 1, after: 2 },
    ]);
  });

  it('reports a subtree that appears or disappears as one change, and a change of the whole value at "."', () => {
    expect(jsonDiff({ a: 1 }, { a: 1, b: { c: 1 } })).toEqual([{ path: 'b', before: null, after: { c: 1 } }]);
    expect(jsonDiff(null, { a: 1 })).toEqual([{ path: '.', before: null, after: { a: 1 } }]);
  });
});
