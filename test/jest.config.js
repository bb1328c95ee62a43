/**
 * End-to-end suites against the built server running as real processes: API journeys and
 * browser journeys (Debian chromium) on SQLite and on MariaDB.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.e2e.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: { '^@utility/shared$': '<rootDir>/../shared/src/index.ts' },
};

const databases = (process.env.TEST_DATABASES ?? 'sqlite,mariadb').split(',');

module.exports = {
  testTimeout: 120_000,
  // A journey mostly waits (page slides, server answers): the SQLite and MariaDB runs go side by side.
  maxWorkers: 2,
  // The RSA key pool and the run's MariaDB template (support/server-process.ts#createTestDatabase).
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  projects: databases.map((db) => ({ ...base, displayName: db, globals: { TEST_DATABASE: db } })),
};
