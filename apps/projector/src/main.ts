import { ConfigError, loadConfig, type AppConfig } from '@app/config';
import { onStopSignal } from '@app/postgres';
import { startProjector } from '@app/read-models';
import { describeFailure } from '../../../libs/postgres/src/embedded-error';
import { openInfrastructure } from './infrastructure';

/**
 * The projector as its own process (run it with PROJECTOR=off in the API):
 * `node dist/apps/projector/src/main.js`. Stops cleanly on SIGINT/SIGTERM; killed hard, it loses
 * at most the batch in flight, which its next start applies again from the stored checkpoint.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const log = (line: string) => console.log(`[Projektor] ${line}`);
  const infrastructure = await openInfrastructure(config, log);
  const projector = startProjector({ store: infrastructure.store, pool: infrastructure.pool, log });
  log('gestartet');
  void projector.caughtUp.then(() => log(`aufgeholt: Position ${projector.status().position ?? '–'}, ${projector.status().events} Ereignisse`));

  // The batch in flight is committed first; then the connections close.
  onStopSignal(async () => {
    await projector.stop();
    await infrastructure.close();
    process.exit(0);
  });
}

void main().catch((error) => {
  console.error(describeFailure(error));
  process.exit(1);
});
