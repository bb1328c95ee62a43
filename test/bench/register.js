/**
 * Runs the benchmarks' TypeScript with the repo's own SWC (as jest does): `node -r ./test/bench/register.js x.ts`.
 * `@utility/shared` resolves to its built package (`npm run build -w shared` first).
 */
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');

const options = {
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
