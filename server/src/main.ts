import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { InvalidConfigError, loadConfig } from './common/config';
import { DemoSeed } from './seed/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const seed = config.SEED_DEMO === 'true' ? await app.get(DemoSeed).run() : null;
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://${config.HOST}:${config.PORT}`;
  const db = app.get(DataSource).options.type === 'better-sqlite3' ? config.DATABASE_URL : 'MySQL/MariaDB';
  const lines = [
    '',
    `  Utility service is running at ${url}  (database: ${db})`,
    `  Miniapp (H5): ${url}/${config.NODE_ENV === 'production' ? '' : `      API docs: ${url}/docs`}`,
  ];
  if (config.SEED_DEMO === 'true' && !seed) {
    lines.push('  Demo staff exist already: their passwords are as first printed (or DEMO_PASSWORD), never reset');
  }
  if (seed) {
    lines.push(`  Demo staff logins: ${seed.usernames.join(', ')}`);
    lines.push(
      `  Password: ${seed.password}${seed.generated ? '   (random for this run; set DEMO_PASSWORD to choose one)' : ''}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error) => {
  if (error instanceof InvalidConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Server failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
