import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** The columns an entity is read with (those not `select: false`), per entity. */
const selected = new WeakMap<EntityMetadata, ColumnMetadata[]>();

const selectedColumns = (metadata: EntityMetadata): ColumnMetadata[] =>
  selected.get(metadata) ??
  selected
    .set(
      metadata,
      metadata.columns.filter((c) => c.isSelect && !c.embeddedMetadata),
    )
    .get(metadata)!;

/**
 * The column list of a plain SELECT reading whole entities, for hot paths that build their
 * statement once (TypeORM's select builder re-derives it, and its aliases, on every call).
 * `alias`: the table's alias in the statement, when it has one.
 */
export function entityColumns<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, alias?: string) {
  const driver = em.connection.driver;
  const prefix = alias ? `${driver.escape(alias)}.` : '';
  return selectedColumns(em.connection.getMetadata(target))
    .map((c) => prefix + driver.escape(c.databaseName))
    .join(', ');
}

/**
 * A row of such a SELECT as the entity TypeORM's `find` answers: each value goes through the
 * driver's own conversion (dates, simple-json, column transformers such as field encryption).
 */
export function hydrateRow<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, raw: ObjectLiteral): T {
  const metadata = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  const entity = Object.create((metadata.target as { prototype: object }).prototype) as ObjectLiteral;
  for (const column of selectedColumns(metadata)) {
    entity[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column);
  }
  return entity as T;
}
