/** Upper bounds of free text, so nothing a person types can bloat an event unnoticed. */
export const MAX = {
  title: 300,
  text: 20_000,
  name: 300,
  shortName: 50,
  reference: 100,
  label: 200,
  mandate: 5_000,
  reason: 5_000,
  summary: 10_000,
  note: 5_000,
  source: 500,
  contact: 300,
  url: 2_000,
  listItems: 50,
} as const;

/** From this limit up a text is a paragraph (may hold line breaks and tabs); below it, one line. */
export const PARAGRAPH_FROM = 5_000;
