/** The fields of an event's data that hold a string (dates are 'YYYY-MM-DD' strings). */
type DateFieldOf<E extends { data: object }> = { [K in keyof E['data']]-?: NonNullable<E['data'][K]> extends string ? K : never }[keyof E['data']];

/** For each event type of `E`, the field holding its business date; declared beside the events, checked complete by the compiler. */
export type BusinessDateFields<E extends { type: string; data: object }> = { readonly [T in E['type']]: DateFieldOf<Extract<E, { type: T }>> };
