/**
 * One jest run for unit, integration and end-to-end suites; they share one embedded PostgreSQL.
 * NestJS 12 ships as ES modules only, which jest can load only in its native ESM mode
 * (node --experimental-vm-modules), so ts-jest emits ESM for the tests. The build stays CommonJS
 * (Node 20.19+ loads ESM packages through require(esm)).
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', useESM: true }] },
  moduleNameMapper: {
    '^@app/(config|domain|event-store|figures|read-models|rebuild|testing|postgres)$': '<rootDir>/libs/$1/src',
    '^@app/(config|domain|event-store|figures|read-models|rebuild|testing|postgres)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
