// Validation messages in German. The API answers most in German; class-validator's English
// defaults (e.g. "summary should not be empty") are translated here by their fixed wording.
const PATTERNS = [
  [/ should not be empty$/, () => 'Bitte ausfüllen.'],
  [/ must not be greater than (-?[\d.]+)$/, (m) => `Darf höchstens ${m[1].replace('.', ',')} sein.`],
  [/ must not be less than (-?[\d.]+)$/, (m) => `Muss mindestens ${m[1].replace('.', ',')} sein.`],
  [/ must be an integer number$/, () => 'Bitte eine ganze Zahl eingeben.'],
  [/ must be a number conforming to the specified constraints$/, () => 'Bitte eine Zahl eingeben.'],
  [/ must be a string$/, () => 'Bitte einen Text eingeben.'],
  [/ must be shorter than or equal to (\d+) characters$/, (m) => `Höchstens ${m[1]} Zeichen.`],
  [/ must be longer than or equal to (\d+) characters$/, (m) => `Mindestens ${m[1]} Zeichen.`],
  [/ must be one of the following values: (.*)$/, () => 'Bitte einen der angebotenen Werte wählen.'],
  [/ must be a UUID$/, () => 'Bitte einen Eintrag aus der Liste wählen.'],
  [/ must be an array$/, () => 'Bitte eine Liste angeben.'],
  [/^property (\S+) should not exist$/, (m) => `Das Feld „${m[1]}“ ist hier nicht vorgesehen.`],
];

export function germanMessage(message) {
  const text = String(message ?? '').trim();
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text;
}
