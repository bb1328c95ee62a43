/**
 * Test runs only: RSA-2048 key pairs from a pool made once per machine instead of afresh on every call.
 * Each app boot in mock mode makes two (the made-up merchant's and the fake WeChat Pay's platform key),
 * ≈ 0.8 s of CPU each — more than the rest of a boot. The keys are real and every signature is still
 * made and checked; only their making is skipped. Consecutive calls get distinct keys (`POOL_SIZE` in a
 * cycle), so a "rogue" or rotated key never equals the one it stands beside.
 *
 * Loaded by the server's jest setup, required by the jest global setups (`ensurePool`, so workers
 * never race to make it) and preloaded into the journeys' server processes (NODE_OPTIONS=--require).
 */
const nodeCrypto = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const POOL_SIZE = 16;
const POOL_FILE = join(tmpdir(), 'utility-test-keys', `rsa-2048-x${POOL_SIZE}.json`);
const PATCHED = Symbol.for('utility.testRsaKeyPool');
const original = nodeCrypto[PATCHED] ?? nodeCrypto.generateKeyPairSync;

/** The pool's private keys (PKCS#8 PEM), made and written atomically when this machine has none. */
function ensurePool() {
  try {
    const pems = JSON.parse(readFileSync(POOL_FILE, 'utf8'));
    if (Array.isArray(pems) && pems.length === POOL_SIZE) return pems;
  } catch {
    // Not made yet (or torn): make it below.
  }
  const pems = Array.from({ length: POOL_SIZE }, () =>
    original('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  mkdirSync(join(tmpdir(), 'utility-test-keys'), { recursive: true });
  const partial = `${POOL_FILE}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(pems));
  renameSync(partial, POOL_FILE);
  return pems;
}

function install() {
  if (nodeCrypto[PATCHED]) return;
  let pool;
  let next = 0;
  nodeCrypto[PATCHED] = original;
  nodeCrypto.generateKeyPairSync = function generateKeyPairSync(type, options, ...rest) {
    // Only the shape the server and its tests ask for: KeyObjects of RSA-2048. Anything else is made.
    if (type !== 'rsa' || options?.modulusLength !== 2048 || options.publicKeyEncoding || options.privateKeyEncoding)
      return original.call(this, type, options, ...rest);
    pool ??= ensurePool().map((pem) => nodeCrypto.createPrivateKey(pem));
    const privateKey = pool[next++ % POOL_SIZE];
    return { privateKey, publicKey: nodeCrypto.createPublicKey(privateKey) };
  };
}

install();
module.exports = { ensurePool };
