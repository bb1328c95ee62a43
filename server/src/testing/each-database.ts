/**
 * Database specs run on every database of `TEST_DATABASES` within one file: each top-level `describe`
 * is registered once per database (`[sqlite] …`, `[mariadb] …`), so a spec file loads the server's
 * modules once for both instead of once per database — loading is most of a database spec's time
 * (docs/architecture.md#database). `startTestApp` reads the database of the block it runs in.
 */
type Database = 'sqlite' | 'mariadb';
type Describe = jest.Describe;

declare const TEST_DATABASES: Database[];
const current = globalThis as { TEST_DATABASE?: Database };
// Jest's own describe, kept once: this file is loaded by the setup and again by specs that import describeOn.
const holder = globalThis as { jestDescribe?: Describe; describeDepth?: number };
const registerBlock: Describe = (holder.jestDescribe ??= global.describe);
holder.describeDepth ??= 0;

function perDatabase(register: (name: string, fn: () => void) => void, databases: readonly Database[]) {
  return (name: string | number | jest.FunctionLike, fn: () => void) => {
    if (holder.describeDepth! > 0) return register(String(name), fn);
    for (const database of databases) {
      register(`[${database}] ${String(name)}`, () => {
        // Set while the block is collected (a describe body may read it) and again before its hooks run.
        current.TEST_DATABASE = database;
        beforeAll(() => void (current.TEST_DATABASE = database));
        holder.describeDepth!++;
        try {
          fn();
        } finally {
          holder.describeDepth!--;
        }
      });
    }
  };
}

const describeEach = Object.assign(perDatabase(registerBlock, TEST_DATABASES), {
  skip: perDatabase(registerBlock.skip, TEST_DATABASES),
  only: perDatabase(registerBlock.only, TEST_DATABASES),
  each: registerBlock.each,
}) as unknown as Describe;
global.describe = describeEach;

/** A block for one database only (e.g. a CLI run against the SQLite file); nothing when it is not tested. */
export function describeOn(database: Database, name: string, fn: () => void): void {
  perDatabase(registerBlock, TEST_DATABASES.includes(database) ? [database] : [])(name, fn);
}
