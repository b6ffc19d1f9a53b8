import type { RegionRegistered, RegisterRegion } from '@app/domain';
import { anOffice, DAY, ID, metaOf, type CommandOptions } from './fixtures';

export const aRegionRegistered = (data: Partial<RegionRegistered['data']> = {}): RegionRegistered => ({
  type: 'RegionRegistered',
  data: { regionId: ID.region, name: 'Bildungsregion Düsseldorf', contractSignedOn: DAY.contractSigned, ...data },
});

export const aRegisterRegionCommand = (data: Partial<RegisterRegion['data']> = {}, options: CommandOptions = {}): RegisterRegion => ({
  type: 'RegisterRegion',
  data: { regionId: ID.region, name: 'Bildungsregion Düsseldorf', contractSignedOn: DAY.contractSigned, ...data },
  meta: metaOf(anOffice(), options),
});
