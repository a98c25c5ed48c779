import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

// Entities read by plain SQL on hot paths (a sync run's first query, a timeline page), where
// TypeORM's query builder costs more than the query: the select list comes from the entity's own
// metadata, so it follows the entity, and rows are mapped back column by column.
//
// Only for entities whose every column is a type the pg driver already returns as TypeORM would
// (uuid, text, varchar, boolean, integer, timestamptz as Date, jsonb parsed) and that have no
// transformers; `exchange-connection.int.test.ts` and the timeline tests compare the result with
// TypeORM's own loading.

/** `alias."column" AS "alias.property"` for every selectable column of the entity. */
export function entityColumns(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return dataSource
    .getMetadata(entity)
    .columns.filter((column) => column.isSelect)
    .map((column) => `${alias}."${column.databaseName}" AS "${alias}.${column.propertyName}"`)
    .join(', ');
}

/** The entity from a row's `alias.property` columns. */
export function entityFromRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: new () => T,
  alias: string,
  row: Record<string, unknown>,
): T {
  const instance = new entity();
  for (const column of dataSource.getMetadata(entity).columns) {
    if (column.isSelect)
      (instance as Record<string, unknown>)[column.propertyName] = row[`${alias}.${column.propertyName}`];
  }
  return instance;
}
