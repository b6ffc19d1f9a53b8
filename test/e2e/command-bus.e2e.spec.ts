import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { newAggregateId } from '../../apps/api/src/command-pipeline/derived-ids';
import { systemActor, systemRequest } from '../../apps/api/src/command-pipeline/system-request';
import { RegisterCommitteeCommand } from '../../apps/api/src/committees/register-committee/register-committee.handler';
import { RegisterRegionCommand } from '../../apps/api/src/regions/register-region/register-region.handler';
import { eventLogSnapshot, eventStoreOf } from '../support/event-log';
import { startTestApp, TestApp } from '../support/test-app';

/** How code without HTTP (the demo data, imports) issues commands: the CommandBus and a system actor. */
describe('commands through the CommandBus', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs the same pipeline: the written events carry the system actor and the server time', async () => {
    const bus = t.app.get(CommandBus);
    const regionId = randomUUID();
    const office = systemActor('office');
    const registered = await bus.execute(
      new RegisterRegionCommand(regionId, { name: 'Bildungsregion Kreis Mettmann', contractSignedOn: '2010-05-01' }, systemRequest({ regionId, actor: office })),
    );
    expect(registered).toMatchObject({ streamId: `region-${regionId}`, revision: 0, events: [{ type: 'RegionRegistered' }] });
    expect(registered.events[0]!.metadata).toMatchObject({ regionId, actor: { userId: 'system:demo', role: 'office' } });
  });

  it('with an idempotency key a re-run writes nothing and answers with what the first run wrote', async () => {
    const bus = t.app.get(CommandBus);
    const regionId = randomUUID();
    const office = systemActor('office');
    await bus.execute(new RegisterRegionCommand(regionId, { name: 'Bildungsregion Neuss', contractSignedOn: '2010-05-01' }, systemRequest({ regionId, actor: office })));
    const key = 'demo:committee:schulausschuss';
    const committeeId = newAggregateId(regionId, key, 'committee');
    const register = () =>
      bus.execute(
        new RegisterCommitteeCommand(
          committeeId,
          { name: 'Schulausschuss', shortName: 'SchA', kind: 'ausschuss', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-01-01' },
          systemRequest({ regionId, actor: office, idempotencyKey: key }),
        ),
      );
    const first = await register();
    const before = await eventLogSnapshot(t.app);
    const again = await register();
    expect(again).toEqual({ ...first, replayed: true });
    expect(await eventLogSnapshot(t.app)).toEqual(before);
    expect(await eventStoreOf(t.app).readStream(`committee-${committeeId}`)).toHaveLength(1);
  });

  it('a refused command rejects the promise with the domain error (nothing is swallowed)', async () => {
    const bus = t.app.get(CommandBus);
    const regionId = randomUUID();
    const command = new RegisterRegionCommand(regionId, { name: 'Zukunftsregion', contractSignedOn: '2999-01-01' }, systemRequest({ regionId, actor: systemActor('office') }));
    await expect(bus.execute(command)).rejects.toMatchObject({ error: { code: 'date.in-future' } });
  });
});
