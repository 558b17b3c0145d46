import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

import type { BulkColumn } from './bulk-insert';
import { bulkInsert } from './bulk-insert';
import { copyField } from './copy-field';

// Column types as the entities declare them or as each driver normalises them.
const PG_TYPES: Readonly<Record<string, BulkColumn['pgType']>> = {
  varchar: 'varchar',
  'character varying': 'varchar',
  text: 'text',
  'simple-json': 'text',
  integer: 'integer',
  int: 'integer',
  int4: 'integer',
  bigint: 'bigint',
  int8: 'bigint',
  boolean: 'boolean',
  bool: 'boolean',
};
// Types whose values the drivers store as given, once the column's transformers have run.
const STORED_AS_IS = new Set([
  'varchar',
  'character varying',
  'text',
  'integer',
  'int',
  'int4',
  'bigint',
  'int8',
]);

/** Reads one column's stored value from an entity. */
type ColumnReader = (entity: ObjectLiteral) => unknown;

/**
 * An entity's table, columns and the values its rows store, made exactly as TypeORM's own insert
 * makes them: each column's value read from the entity, then its transformer (timestamps, encrypted
 * national IDs…) and the driver's conversion applied. Bulk writes of entities (the import) and the
 * inserts every submission makes go through here, so a transformer added to an entity applies to them
 * too; their SQL is not written afresh by the query builder each time. A column of a type stored as it is (text,
 * numbers), neither a relation nor embedded, is read from its property through its transformers if
 * any: the same value, without the driver's other cases.
 */
export class EntityRows<Entity extends ObjectLiteral> {
  public readonly table: string;
  public readonly columns: readonly BulkColumn[];
  private readonly readers: readonly ColumnReader[];

  public constructor(dataSource: DataSource, target: EntityTarget<Entity>) {
    const metadata = dataSource.getMetadata(target);
    this.table = metadata.tablePath;
    const seen = new Set<string>();
    const columns = metadata.columns.filter((column) => {
      if (column.isVirtual || column.isGenerated || seen.has(column.databaseName)) return false;
      seen.add(column.databaseName);
      return true;
    });
    this.columns = columns.map((column) => ({
      name: column.databaseName,
      pgType:
        PG_TYPES[String(column.type)] ?? unsupported(`${this.table}.${column.databaseName}`, column.type),
    }));
    this.readers = columns.map((column) => readerOf(dataSource, column));
  }

  public get columnNames(): string[] {
    return this.columns.map((column) => column.name);
  }

  public valuesOf(entity: Entity): unknown[] {
    return this.readers.map((read) => read(entity));
  }

  /** The entities as rows in COPY's text format. */
  public copyText(entities: readonly Entity[]): string {
    let text = '';
    for (const entity of entities) {
      let line = '';
      for (let index = 0; index < this.readers.length; index += 1) {
        const field = copyField(this.readers[index]!(entity));
        line = index === 0 ? field : `${line}\t${field}`;
      }
      text += `${line}\n`;
    }
    return text;
  }

  /** Inserts whole entities, each column's value as TypeORM's insert would store it. */
  public insert(manager: EntityManager, entities: readonly Entity[]): Promise<void> {
    return bulkInsert(manager, {
      table: this.table,
      columns: this.columns,
      rows: entities.map((entity) => this.valuesOf(entity)),
    });
  }
}

function readerOf(dataSource: DataSource, column: ColumnMetadata): ColumnReader {
  const property = column.propertyName;
  if (!column.relationMetadata && !column.embeddedMetadata && STORED_AS_IS.has(String(column.type))) {
    // What the driver's preparePersistentValue does for these types, without its other cases.
    const transformer = column.transformer;
    if (!transformer) return (entity) => entity[property] ?? null;
    return (entity) => ApplyValueTransformers.transformTo(transformer, entity[property]) ?? null;
  }
  const driver = dataSource.driver;
  return (entity) => driver.preparePersistentValue(column.getEntityValue(entity), column) ?? null;
}

function unsupported(column: string, type: unknown): never {
  throw new Error(`bulk writes do not handle column ${column} of type ${String(type)}`);
}
