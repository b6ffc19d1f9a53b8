/**
 * A validated DTO as plain data for the domain: no class instance, and no keys whose value is
 * undefined or null, so an optional field the client left out (or sent as null) is simply absent.
 */
export function plain<T extends object>(dto: T): { [K in keyof T]: Exclude<T[K], null> } {
  return JSON.parse(JSON.stringify(dto, (_, value: unknown) => (value === null ? undefined : value))) as { [K in keyof T]: Exclude<T[K], null> };
}
