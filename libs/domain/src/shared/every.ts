/**
 * A list that must name every member of the union `T`, checked by the compiler:
 * `everyOf<Type>()(['A', 'B'])` fails to compile when a member is missing (the error names it in
 * `missing`) or when an entry is no member. Used for the lists of event types, so a new event type
 * cannot be forgotten in them.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): readonly T[] =>
    list;
