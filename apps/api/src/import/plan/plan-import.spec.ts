import { mappingWith } from '../mapping';
import type { ImportRow } from '../rows/import-row';
import { planImport } from './plan-import';
import type { RegionDirectory } from './region-directory';

const directory: RegionDirectory = {
  regionId: 'region-1',
  conferences: [{ id: 'conf-9', number: 9, kind: 'bildungskonferenz', label: '9. Bildungskonferenz', title: '9. Bildungskonferenz', date: '2026-03-12' }],
  committees: [
    { id: 'com-sch', name: 'Schulausschuss', shortName: 'SchA', dissolved: false },
    { id: 'com-usb', name: 'Fachgremium Übergang Schule/Beruf', shortName: 'FG ÜSB', dissolved: false },
  ],
  references: new Map([['conf-9|9. bk / 7', 'rec-7']]),
};

const row = (line: number, changes: Partial<ImportRow> = {}): ImportRow => ({
  line,
  conference: '9. Bildungskonferenz',
  adoptedOn: '2026-03-12',
  number: String(line),
  title: `Titel ${line}`,
  text: `Text ${line}`,
  fieldsOfAction: [],
  addressees: [],
  handedOffTo: [],
  ...changes,
});

describe('planImport: names matched to the region, or proposed', () => {
  const mapping = mappingWith();

  it('matches conferences and committees case- and whitespace-insensitively, by name or short name', () => {
    const plan = planImport(
      [
        row(2, { conference: '  9.   BILDUNGSKONFERENZ ', addressees: ['schulausschuss', 'Rat der Stadt'], handedOffTo: ['fg  üsb'], handedOffOn: '2026-04-01', reportDueOn: '2026-10-01' }),
        row(3, { conference: '9. bk' }),
      ],
      directory,
      mapping,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.proposals).toEqual({ conferences: [], committees: [] });
    const adopt = plan.rows[0]!.steps[0]!.command;
    expect(adopt).toMatchObject({ type: 'AdoptRecommendation', data: { conferenceId: 'conf-9', reference: '9. BK / 2', addressees: { committeeIds: ['com-sch'], decisionMakers: ['Rat der Stadt'] } } });
    expect(plan.rows[0]!.steps[1]!.command).toMatchObject({ type: 'HandOffRecommendation', data: { committeeId: 'com-usb', decidedOn: '2026-04-01', reportDueOn: '2026-10-01' } });
    expect(plan.rows[1]!.steps[0]!.command).toMatchObject({ data: { conferenceId: 'conf-9', reference: '9. BK / 3' } });
  });

  it('proposes unknown ones: a conference from its number and kind, held on its earliest row; committees with a guessed kind', () => {
    const plan = planImport(
      [
        row(2, { conference: '1. Tag der Bildung', adoptedOn: '2019-09-20', handedOffTo: ['Jugendhilfeausschuss', 'Amt für Soziales'], handedOffOn: '2019-10-01', reportDueOn: '2020-10-01' }),
        row(3, { conference: '1. tag der bildung', adoptedOn: '2019-09-14' }),
      ],
      directory,
      mapping,
    );
    expect(plan.proposals.conferences).toEqual([expect.objectContaining({ name: '1. Tag der Bildung', number: 1, kind: 'tag_der_bildung', date: '2019-09-14', line: 2 })]);
    expect(plan.proposals.committees.map((c) => [c.name, c.kind, c.registeredOn])).toEqual([
      ['Jugendhilfeausschuss', 'ausschuss', '2019-10-01'],
      ['Amt für Soziales', 'verwaltung', '2019-10-01'],
    ]);
    expect(plan.setup.map((s) => `${s.command.type}@${s.businessDate}`)).toEqual([
      'ScheduleConference@2019-09-14',
      'HoldConference@2019-09-14',
      'RegisterCommittee@2019-10-01',
      'RegisterCommittee@2019-10-01',
    ]);
  });

  it('refuses a name it cannot place, a twin row, a reference taken twice or already taken', () => {
    const plan = planImport([row(2, { conference: 'Jahresempfang' }), row(3), { ...row(3), line: 4 }, row(5, { number: '3', title: 'anders' }), row(6, { number: '7' })], directory, mapping);
    expect(plan.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'Konferenz', expect.stringContaining('„Jahresempfang“ ist in dieser Bildungsregion nicht bekannt')],
      [4, 'Nr.', 'Die Zeile gleicht Zeile 3; bitte die doppelte Zeile entfernen.'],
      [5, 'Nr.', 'Die Kennung „9. BK / 3“ steht schon in Zeile 3.'],
      [6, 'Nr.', 'Die Empfehlung „9. BK / 7“ ist in dieser Bildungsregion bereits erfasst (mit anderem Inhalt).'],
    ]);
    expect(plan.rows.map((r) => r.line)).toEqual([3]);
  });
});
