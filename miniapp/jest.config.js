/** SWC compiles TS/JSX for tests as it does for the server; the build itself uses Babel (babel-preset-taro). */
const transformer = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  // Platform files (`x.h5.ts` / `x.weapp.ts`) resolve as the H5 build does; a test of the weapp
  // variant imports it by its full name.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: { '^.+\\.(m?js|tsx?)$': transformer },
  // Taro's components and their dependencies ship ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm|@tarojs|@stencil|@swc/helpers|swiper|tslib)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@utility/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.(css|scss)$': '<rootDir>/test/style-mock.ts',
  },
};
