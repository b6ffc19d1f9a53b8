import { parseIfMatch } from './command-context.decorator';

describe('If-Match', () => {
  it.each([
    ['"3"', 3n],
    ['W/"12"', 12n],
    [' "0" ', 0n],
  ])('reads %s as revision %s', (header, revision) => {
    expect(parseIfMatch(header)).toBe(revision);
  });

  it('is absent when not sent', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['3', '"drei"', '*', '"-1"', '"3", "4"', ''])('refuses %p with a 400 instead of guessing', (header) => {
    expect(() => parseIfMatch(header)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 400, code: 'if-match.invalid' }) }));
  });
});
