import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig, type AppConfig } from '@app/config';
import { rebuildReadModels, type RebuildProgress } from '@app/rebuild';
import { describeFailure } from '../../../libs/postgres/src/embedded-error';
import { openInfrastructure } from './infrastructure';

/**
 * `npm run projections:rebuild`: replays the whole log into a shadow schema and swaps it in
 * atomically. Readers (and a running projector) keep using the old tables until the swap; the
 * projector then continues from the rebuilt checkpoint. Progress: a bar on a terminal, plain lines
 * in logs.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  // As the owner: the rebuild creates a schema and swaps it for the live one.
  const infrastructure = await openInfrastructure(config, (line) => console.log(line), 'owner');
  const rate = (p: RebuildProgress) => Math.round(p.events / Math.max(0.001, p.elapsedMs / 1000));
  const eta = (p: RebuildProgress) => (p.fraction > 0 ? Math.round(((p.elapsedMs / p.fraction) * (1 - p.fraction)) / 1000) : 0);
  let onProgress: (p: RebuildProgress) => void;
  let finish = () => undefined as void;
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: 'Neuaufbau |{bar}| {percentage}% | {events} Ereignisse | {rate} Ereignisse/s | noch ~{eta_s} s',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
    });
    bar.start(1000, 0, { events: 0, rate: 0, eta_s: '?' });
    onProgress = (p) => bar.update(Math.round(p.fraction * 1000), { events: p.events, rate: rate(p), eta_s: eta(p) });
    finish = () => bar.stop();
  } else {
    let last = 0;
    onProgress = (p) => {
      if (p.elapsedMs - last < 2000 && p.fraction < 1) return;
      last = p.elapsedMs;
      console.log(`Neuaufbau: ${p.events} Ereignisse (${Math.round(p.fraction * 100)} %), ${rate(p)} Ereignisse/s, noch ~${eta(p)} s`);
    };
  }
  try {
    const result = await rebuildReadModels({ store: infrastructure.store, pool: infrastructure.pool, onProgress });
    finish();
    const seconds = result.ms / 1000;
    console.log(
      `Lesemodelle neu aufgebaut und eingesetzt: ${result.events} Ereignisse in ${seconds.toFixed(1)} s (${Math.round(result.events / Math.max(seconds, 0.001))} Ereignisse/s); ` +
        `Phasen (ms): ${Object.entries(result.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
  } finally {
    finish();
    await infrastructure.close();
  }
}

void main().catch((error) => {
  console.error(describeFailure(error));
  process.exit(1);
});
