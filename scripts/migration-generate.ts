// Writes a new migration with the SQL that brings the schema from the existing migrations to the
// current entities. Usage: npm run migration:generate -- AddSomething
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '../packages/domain/src/data-source.ts';
import { startEphemeralPostgres } from '../tooling/ephemeral-postgres.ts';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const pg = await startEphemeralPostgres();
const dataSource = createDataSource({ url: pg.url });
try {
  await dataSource.initialize();
  await runMigrations(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('Entities and migrations agree: nothing to generate.');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: string) => '`' + q.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const down = sql.downQueries
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .reverse()
      .join('\n');
    const file = join(
      'packages/domain/src/migrations',
      `${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`,
    );
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    writeIndex('packages/domain/src/migrations');
    console.log(`Wrote ${file} and registered ${className} in the migrations index.`);
  }
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await pg.stop();
}

/** Rewrites the migrations index from the migration files, oldest first. */
function writeIndex(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.migration.ts'))
    .sort();
  const classes = files.map((f) => {
    const match = /export class (\w+)/.exec(readFileSync(join(dir, f), 'utf8'));
    if (!match?.[1]) throw new Error(`${f} exports no migration class`);
    return { file: f, name: match[1] };
  });
  const imports = classes.map((c) => `import { ${c.name} } from './${c.file}';`).join('\n');
  writeFileSync(
    join(dir, 'index.ts'),
    `${imports}\n\n/** Every migration, oldest first. \`npm run migration:generate -- Name\` writes new ones. */\nexport const MIGRATIONS = [${classes.map((c) => c.name).join(', ')}];\n`,
  );
}
