// After `taro build --type h5`: a brotli (quality 11) and a gzip (level 9) copy beside each text asset, which the
// server sends as they are (@fastify/static `preCompressed`). Compressing per response, the server can only afford
// brotli 5: quality 11 once at build time makes the home page's first load ≈ 10 % smaller (docs/architecture.md#miniapp).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? join(import.meta.dirname, '../dist/h5');
const TEXT = /\.(html|js|css|json|svg|txt)$/;
// Below this, the compressed copy saves less than its own headers cost; the server compresses or not on the fly.
const MIN_BYTES = 1024;

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

let raw = 0;
let brotli = 0;
for (const file of files(root).filter((f) => TEXT.test(f))) {
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}
console.log(`precompressed ${root}: ${(raw / 1024).toFixed(1)} KB → ${(brotli / 1024).toFixed(1)} KB brotli`);
