/**
 * Unit specs run once; database specs (`*.db.spec.ts`) run on SQLite and again on MariaDB, in one file run.
 * Nest 12 ships ES modules only, so @nestjs and its ESM dependencies go through @swc/jest too.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
  ],
  moduleNameMapper: {
    '^@utility/shared$': '<rootDir>/../shared/src/index.ts',
    '^@utility/shared/sla$': '<rootDir>/../shared/src/sla/index.ts',
  },
  // Test runs draw RSA keys from a pool (scripts/test-rsa-keys.js): making two per app boot was most of its CPU.
  setupFiles: ['reflect-metadata', '<rootDir>/../scripts/test-rsa-keys.js'],
};

const databases = (process.env.TEST_DATABASES ?? 'sqlite,mariadb').split(',');

module.exports = {
  testTimeout: 60_000,
  // Most of a database suite's time is waiting on the database: three workers keep two cores busy,
  // and a worker that has grown past 1 GB (Nest apps, TypeORM metadata) is replaced.
  maxWorkers: 3,
  // The RSA key pool and the run's MariaDB template (src/testing/test-app.ts#freshDatabase).
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  workerIdleMemoryLimit: '1GB',
  // A long file whose size hides it starts first (jest.sequencer.js).
  testSequencer: '<rootDir>/jest.sequencer.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.db\\.spec\\.ts$'] },
    // One run of each database spec covers every database (src/testing/each-database.ts).
    {
      ...base,
      displayName: 'db',
      testMatch: ['**/*.db.spec.ts'],
      globals: { TEST_DATABASES: databases },
      setupFilesAfterEnv: ['<rootDir>/src/testing/each-database.ts'],
    },
  ],
};
