/**
 * The fault suite (`npm run test:faults`): the built server as real processes, killed, cut off from its
 * database, fed late/forged payment notices, fuzzed, and run twice on one database.
 * Projects per database as in test/jest.config.js; the MariaDB restart needs MariaDB, so it is the
 * mariadb project's alone (it starts its own private mariadbd, never the shared one).
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.fault.spec.ts'],
  transform: {
    // faker (behind zod-schema-faker) is ES modules only: compiled to CommonJS like the specs.
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@faker-js/faker/)'],
  moduleNameMapper: { '^@utility/shared$': '<rootDir>/../../shared/src/index.ts' },
};

const databases = (process.env.TEST_DATABASES ?? 'sqlite,mariadb').split(',');
const onlyMariadb = ['mariadb-restart'];

module.exports = {
  testTimeout: 180_000,
  maxWorkers: 1,
  projects: databases.map((db) => ({
    ...base,
    displayName: db,
    globals: { TEST_DATABASE: db },
    testPathIgnorePatterns: db === 'mariadb' ? [] : onlyMariadb.map((name) => `/${name}\\.fault\\.spec\\.ts$`),
  })),
};
