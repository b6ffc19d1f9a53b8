import { everyOf } from './every';

type Colour = 'red' | 'green' | 'blue';

describe('everyOf', () => {
  it('passes a complete list through, in its order', () => {
    expect(everyOf<Colour>()(['blue', 'red', 'green'])).toEqual(['blue', 'red', 'green']);
  });

  it('does not compile with a member missing or an entry that is no member (checked by tsc on this file)', () => {
    // @ts-expect-error 'blue' is missing
    expect(everyOf<Colour>()(['red', 'green'])).toHaveLength(2);
    // @ts-expect-error 'pink' is no Colour
    expect(everyOf<Colour>()(['red', 'green', 'blue', 'pink'])).toHaveLength(4);
  });
});
