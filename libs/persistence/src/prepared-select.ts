import type {
  DataSource,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';

/**
 * A SELECT that TypeORM's query builder writes once; every later run sends that SQL with its values
 * and turns the rows into entities as the builder does (column transformers included). TypeORM
 * otherwise writes the same SQL afresh on each call, which on the reads that every submission makes
 * cost more CPU than running the query. Parameters are scalars (no `IN (:...list)`).
 */
export class PreparedSelect<Entity extends ObjectLiteral, Name extends string> {
  private prepared?: { query: SelectQueryBuilder<Entity>; sql: string; order: Name[] };

  /**
   * `build` gets a stand-in value for each parameter name and uses it where the value will go,
   * in `where` find options or as a named parameter.
   */
  public constructor(
    private readonly dataSource: DataSource,
    private readonly names: readonly Name[],
    private readonly build: (parameters: Record<Name, string>) => SelectQueryBuilder<Entity>,
  ) {}

  /** The SELECT that `find(options)` would run, `options` given a stand-in for each parameter. */
  public static find<Entity extends ObjectLiteral, Name extends string>(
    dataSource: DataSource,
    target: EntityTarget<Entity>,
    names: readonly Name[],
    options: (parameters: Record<Name, string>) => FindManyOptions<Entity>,
  ): PreparedSelect<Entity, Name> {
    return new PreparedSelect(dataSource, names, (parameters) =>
      dataSource.getRepository(target).createQueryBuilder().setFindOptions(options(parameters)),
    );
  }

  public async getMany(values: Record<Name, unknown>, manager?: EntityManager): Promise<Entity[]> {
    const { query, sql, order } = (this.prepared ??= this.prepare());
    const rows: ObjectLiteral[] = await (manager ?? this.dataSource.manager).query(
      sql,
      order.map((name) => values[name]),
    );
    if (rows.length === 0) return [];
    const map = query.expressionMap;
    return new RawSqlResultsToEntityTransformer(map, this.dataSource.driver, []).transform(
      rows,
      map.mainAlias!,
    ) as Entity[];
  }

  private prepare() {
    const standIns = Object.fromEntries(
      this.names.map((name) => [name, `\u0000prepared parameter ${name}`]),
    ) as Record<Name, string>;
    const query = this.build(standIns);
    const [sql, values] = query.getQueryAndParameters();
    const order = values.map((value) => {
      const name = this.names.find((candidate) => standIns[candidate] === value);
      if (!name) throw new Error(`PreparedSelect: the query holds a value that is not a parameter: ${value}`);
      return name;
    });
    return { query, sql, order };
  }
}
