/**
 * German texts for class-validator's constraints, keyed by constraint name, so the people who fill
 * in the forms read what is wrong in their language, never "summary should not be empty".
 * `constraints` are the decorator's parameters (MaxLength(300) → [300], IsIn(values) → [values]);
 * `each` marks a rule on every entry of a list. The field is named beside the message, so the
 * message itself does not repeat it, except where the field is the whole point (an unknown one).
 */
export interface ConstraintFailure {
  field: string;
  constraints?: readonly unknown[];
  each?: boolean;
}

const number = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('de-DE') : String(value));

/** With its parameter if the decorator could be found (not so for an array sent instead of an object). */
const bounded = (value: unknown, said: (n: string) => string, unsaid: string): string => (value === undefined ? unsaid : said(number(value)));

const MESSAGES: Record<string, (f: ConstraintFailure, c: readonly unknown[]) => string> = {
  isNotEmpty: () => 'Bitte ausfüllen.',
  isDefined: () => 'Bitte ausfüllen.',
  isString: () => 'Muss ein Text sein.',
  maxLength: (_, [max]) => bounded(max, (n) => `Darf höchstens ${n} Zeichen lang sein.`, 'Ist zu lang.'),
  minLength: (_, [min]) => bounded(min, (n) => `Muss mindestens ${n} Zeichen lang sein.`, 'Ist zu kurz.'),
  isSingleLine: () => 'Muss einzeilig sein (ohne Zeilenumbruch und Tabulator).',
  isCalendarDay: () => 'Muss ein Kalendertag im Format JJJJ-MM-TT sein.',
  isUuid: () => 'Muss eine UUID sein.',
  isIn: (_, [values]) => (Array.isArray(values) ? `Muss einer dieser Werte sein: ${values.join(', ')}.` : 'Muss einer der erlaubten Werte sein.'),
  isInt: () => 'Muss eine ganze Zahl sein.',
  isNumber: () => 'Muss eine Zahl sein.',
  min: (_, [min]) => bounded(min, (n) => `Muss mindestens ${n} sein.`, 'Ist zu klein.'),
  max: (_, [max]) => bounded(max, (n) => `Darf höchstens ${n} sein.`, 'Ist zu groß.'),
  isBoolean: () => 'Muss true oder false sein.',
  isArray: () => 'Muss eine Liste sein.',
  arrayMaxSize: (_, [max]) => bounded(max, (n) => `Darf höchstens ${n} Einträge haben.`, 'Hat zu viele Einträge.'),
  arrayMinSize: (_, [min]) => bounded(min, (n) => `Muss mindestens ${n} Einträge haben.`, 'Hat zu wenige Einträge.'),
  isObject: () => 'Muss ein Objekt mit Feldern sein.',
  nestedValidation: () => 'Muss ein Objekt mit Feldern sein.',
  isUrl: () => 'Muss eine Webadresse sein, die mit http:// oder https:// beginnt.',
  whitelistValidation: (f) => `Unbekanntes Feld: ${f.field} ist nicht erlaubt.`,
  unknownValue: () => 'Die Eingabe muss ein JSON-Objekt sein.',
};

/** One constraint's German message; an unknown constraint still gets a German sentence naming the field. */
export function germanValidationMessage(constraint: string, failure: ConstraintFailure): string {
  const say = MESSAGES[constraint];
  if (!say) return `Der Wert im Feld ${failure.field} ist ungültig.`;
  const message = say(failure, failure.constraints ?? []);
  return failure.each ? `Jeder Eintrag: ${message}` : message;
}
