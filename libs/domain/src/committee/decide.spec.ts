import {
  aCommitteeDissolved,
  aCommitteeRegistered,
  aCommitteeRenamed,
  aDissolveCommitteeCommand,
  aRegisterCommitteeCommand,
  aRenameCommitteeCommand,
  DeciderSpecification,
  ID,
  TODAY,
  TOMORROW,
} from '@app/testing';
import { committeeDecider } from './decider';

const spec = DeciderSpecification.for(committeeDecider);

describe('Committee decider', () => {
  describe('when not registered', () => {
    it('registers a committee', () => spec.given([]).when(aRegisterCommitteeCommand()).then([aCommitteeRegistered()]));
    it('defaults effectiveOn to today', () =>
      spec.given([]).when(aRegisterCommitteeCommand({ effectiveOn: undefined })).then([aCommitteeRegistered({ effectiveOn: TODAY })]));
    it('refuses an effectiveOn in the future', () =>
      spec.given([]).when(aRegisterCommitteeCommand({ effectiveOn: TOMORROW })).thenFails('date.in-future'));
    it('refuses a rename', () => spec.given([]).when(aRenameCommitteeCommand()).thenFails('committee.not-registered'));
    it('refuses a dissolution', () => spec.given([]).when(aDissolveCommitteeCommand()).thenFails('committee.not-registered'));
  });

  describe('when active', () => {
    const given = spec.given([aCommitteeRegistered()]);
    it('refuses to register it again', () => given.when(aRegisterCommitteeCommand()).thenFails('committee.already-registered'));
    it('renames it', () => given.when(aRenameCommitteeCommand()).then([aCommitteeRenamed()]));
    it('refuses a rename to the same names', () =>
      given.when(aRenameCommitteeCommand({ name: 'Fachgremium Übergang Schule/Beruf', shortName: 'FG ÜSB' })).thenFails('committee.name-unchanged'));
    it('accepts a new short name alone', () =>
      given
        .when(aRenameCommitteeCommand({ name: 'Fachgremium Übergang Schule/Beruf', shortName: 'ÜSB' }))
        .then([aCommitteeRenamed({ name: 'Fachgremium Übergang Schule/Beruf', shortName: 'ÜSB' })]));
    it('dissolves it', () => given.when(aDissolveCommitteeCommand()).then([aCommitteeDissolved()]));
    it('dissolves it with a successor of the same region', () =>
      given
        .when(aDissolveCommitteeCommand({ successorCommitteeId: ID.otherCommittee }, { context: { successor: { regionId: ID.region, dissolved: false } } }))
        .then([aCommitteeDissolved({ successorCommitteeId: ID.otherCommittee })]));
    it('refuses an unknown successor', () =>
      given.when(aDissolveCommitteeCommand({ successorCommitteeId: ID.otherCommittee }, { context: {} })).thenFails('committee.successor-unknown'));
    it('refuses a successor of another region', () =>
      given
        .when(aDissolveCommitteeCommand({ successorCommitteeId: ID.otherCommittee }, { context: { successor: { regionId: ID.otherRegion, dissolved: false } } }))
        .thenFails('committee.successor-unknown'));
    it('refuses a dissolved successor', () =>
      given
        .when(aDissolveCommitteeCommand({ successorCommitteeId: ID.otherCommittee }, { context: { successor: { regionId: ID.region, dissolved: true } } }))
        .thenFails('committee.successor-dissolved'));
    it('refuses itself as successor', () =>
      given
        .when(aDissolveCommitteeCommand({ successorCommitteeId: ID.committee }, { context: { successor: { regionId: ID.region, dissolved: false } } }))
        .thenFails('committee.successor-self'));
    it('refuses a dissolvedOn in the future', () => given.when(aDissolveCommitteeCommand({ dissolvedOn: TOMORROW })).thenFails('date.in-future'));
    it('refuses a dissolvedOn before it was registered', () =>
      given.when(aDissolveCommitteeCommand({ dissolvedOn: '2023-12-31' })).thenFails('committee.dissolved-before-registration'));
  });

  describe('when dissolved', () => {
    const given = spec.given([aCommitteeRegistered(), aCommitteeDissolved()]);
    it('refuses a rename', () => given.when(aRenameCommitteeCommand()).thenFails('committee.dissolved', { dissolvedOn: '2026-06-30' }));
    it('refuses to dissolve it again', () => given.when(aDissolveCommitteeCommand()).thenFails('committee.dissolved'));
    it('refuses to register it again', () => given.when(aRegisterCommitteeCommand()).thenFails('committee.already-registered'));
    it('is dissolved in state', () => expect(given.state()).toMatchObject({ status: 'dissolved', dissolvedOn: '2026-06-30' }));
  });
});
