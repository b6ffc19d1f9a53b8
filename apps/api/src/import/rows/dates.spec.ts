import { parseDate } from './dates';

describe('parseDate: business dates from spreadsheet cells', () => {
  it.each([
    ['03.05.2021', '2021-05-03'],
    ['3.5.2021', '2021-05-03'],
    ['3.5.21', '2021-05-03'],
    [' 03. 05. 2021 ', '2021-05-03'],
    ['2021-05-03', '2021-05-03'],
  ])('reads %j as %s', (text, date) => {
    expect(parseDate(text)).toEqual({ date });
  });

  it('reads a date cell as its calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2019, 8, 14)))).toEqual({ date: '2019-09-14' });
  });

  it.each([
    ['31.02.2026', '„31.02.2026“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).'],
    ['Mai 2021', '„Mai 2021“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).'],
    ['3.5.', '„3.5.“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).'],
  ])('refuses %j', (text, error) => {
    expect(parseDate(text)).toEqual({ error });
  });

  it('refuses numbers and formulas by name', () => {
    expect(parseDate(44319)).toEqual({ error: '„44319“ ist eine Zahl, kein Datum (erwartet TT.MM.JJJJ).' });
    expect(parseDate({ formula: 'TODAY()' })).toEqual({ error: 'enthält eine Formel (=TODAY()); bitte den Wert statt der Formel eintragen.' });
  });
});
