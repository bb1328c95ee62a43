/**
 * Once per `jest` run, before the workers start: the RSA key pool (scripts/test-rsa-keys.js), so no two
 * workers make it at once, and the name of the run's MariaDB template (scripts/test-database-template.js).
 */
const { ensurePool } = require('../scripts/test-rsa-keys');
const { beginRun } = require('../scripts/test-database-template');

module.exports = async () => {
  ensurePool();
  beginRun('utility_template');
};
