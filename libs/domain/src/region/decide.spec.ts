import { aRegionRegistered, aRegisterRegionCommand, DeciderSpecification, TODAY, TOMORROW } from '@app/testing';
import { regionDecider } from './decider';

const spec = DeciderSpecification.for(regionDecider);

describe('Region decider', () => {
  describe('when not registered', () => {
    it('registers the region', () => spec.given([]).when(aRegisterRegionCommand()).then([aRegionRegistered()]));
    it('accepts a contract signed today', () =>
      spec.given([]).when(aRegisterRegionCommand({ contractSignedOn: TODAY })).then([aRegionRegistered({ contractSignedOn: TODAY })]));
    it('refuses a contract date in the future', () =>
      spec.given([]).when(aRegisterRegionCommand({ contractSignedOn: TOMORROW })).thenFails('date.in-future', { field: 'contractSignedOn', today: TODAY }));
    it('refuses a date that is no calendar day', () =>
      spec.given([]).when(aRegisterRegionCommand({ contractSignedOn: '2009-02-30' })).thenFails('date.invalid'));
    it('refuses an empty name', () => spec.given([]).when(aRegisterRegionCommand({ name: '  ' })).thenFails('region.name-required'));
  });

  describe('when registered', () => {
    it('refuses to register it again', () => spec.given([aRegionRegistered()]).when(aRegisterRegionCommand()).thenFails('region.already-registered'));
    it('remembers name and contract date', () =>
      expect(spec.given([aRegionRegistered()]).state()).toMatchObject({ status: 'registered', name: 'Bildungsregion Düsseldorf', contractSignedOn: '2009-08-24' }));
  });
});
