/**
 * Test runs only: each MariaDB test database is a copy of a template that the migrations built once in
 * this run, instead of running every migration again (≈ 80 tables, many ALTERs, on every app boot).
 * The copy holds the same tables (SHOW CREATE TABLE: columns, indexes, foreign keys) and the rows the
 * migrations seeded (schema_migration among them), so the app starting on it finds nothing to migrate.
 *
 * A jest global setup calls `beginRun` (the name travels to the workers in the environment) and
 * `endRun`; without one, `templateName()` is empty and callers migrate each database as before.
 */
const { randomBytes } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createConnection } = require('mysql2/promise');

const RUN_ENV = 'UTILITY_TEST_TEMPLATE_DB';
const MANIFESTS = join(tmpdir(), 'utility-test-templates');

function templateName() {
  return process.env[RUN_ENV] || undefined;
}

/** Names this run's template (made on first use, by whichever process needs it first). */
function beginRun(prefix) {
  process.env[RUN_ENV] = `${prefix}_${randomBytes(4).toString('hex')}`;
  return process.env[RUN_ENV];
}

async function endRun(adminUrl) {
  const template = templateName();
  if (!template) return;
  rmSync(manifestFile(template), { force: true });
  const conn = await createConnection(adminUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${template}\``);
  } finally {
    await conn.end();
  }
}

const manifestFile = (template) => join(MANIFESTS, `${template}.json`);

function readManifest(template) {
  try {
    return JSON.parse(readFileSync(manifestFile(template), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The template's tables as statements, and which tables hold rows; built by `migrate(url)` under a
 * MariaDB lock when no process has yet. The manifest is a file: every worker of the run reads it.
 */
async function ensureTemplate(conn, adminUrl, template, migrate) {
  const ready = readManifest(template);
  if (ready) return ready;
  const [[{ locked }]] = await conn.query('SELECT GET_LOCK(?, 600) AS locked', [template]);
  if (locked !== 1) throw new Error(`timed out waiting for the test database template ${template}`);
  try {
    const built = readManifest(template);
    if (built) return built;
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${template}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await migrate(`${adminUrl}/${template}`);
    const [tables] = await conn.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
      [template],
    );
    const manifest = { statements: [], seeded: [] };
    for (const { name } of tables) {
      const [[created]] = await conn.query(`SHOW CREATE TABLE \`${template}\`.\`${name}\``);
      manifest.statements.push(created['Create Table']);
      const [rows] = await conn.query(`SELECT 1 FROM \`${template}\`.\`${name}\` LIMIT 1`);
      if (rows.length) manifest.seeded.push(name);
    }
    mkdirSync(MANIFESTS, { recursive: true });
    const partial = `${manifestFile(template)}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(manifest));
    renameSync(partial, manifestFile(template));
    return manifest;
  } finally {
    await conn.query('SELECT RELEASE_LOCK(?)', [template]);
  }
}

/**
 * Fills the empty schema `target` with this run's template. False when there is no run template:
 * the caller's app then migrates the database itself.
 */
async function cloneTemplate(adminUrl, target, migrate) {
  const template = templateName();
  if (!template) return false;
  const conn = await createConnection({ uri: adminUrl, multipleStatements: true });
  try {
    const { statements, seeded } = await ensureTemplate(conn, adminUrl, template, migrate);
    await conn.query(
      [
        // Tables come in any order: a foreign key may name a table made after it.
        'SET SESSION foreign_key_checks = 0',
        `USE \`${target}\``,
        ...statements,
        ...seeded.map((t) => `INSERT INTO \`${target}\`.\`${t}\` SELECT * FROM \`${template}\`.\`${t}\``),
        // TypeORM's record of generated columns names its database: the copy's is the target.
        ...(seeded.includes('typeorm_metadata')
          ? [`UPDATE \`${target}\`.typeorm_metadata SET \`schema\` = '${target}' WHERE \`schema\` = '${template}'`]
          : []),
        'SET SESSION foreign_key_checks = 1',
      ].join(';\n'),
    );
    return true;
  } finally {
    await conn.end();
  }
}

/**
 * A fresh MariaDB schema named `${prefix}_<random>`, filled from the run's template (or left empty for the
 * app to migrate when there is none), with the function that drops it.
 */
async function createDatabaseCopy(adminUrl, prefix, migrate) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(adminUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const drop = async () => {
    const conn = await createConnection(adminUrl);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  };
  await cloneTemplate(adminUrl, name, migrate).catch(async (error) => {
    await drop();
    throw error;
  });
  return { url: `${adminUrl}/${name}`, drop };
}

module.exports = { beginRun, endRun, cloneTemplate, createDatabaseCopy, templateName };
