import type { DataSource } from 'typeorm';

/** Builds the parameter list of one statement, with the placeholders of its database. */
export class SqlParameters {
  public readonly values: unknown[] = [];

  public constructor(private readonly postgres: boolean) {}

  public add(value: unknown): string {
    this.values.push(value);
    return this.postgres ? `$${this.values.length}` : '?';
  }

  /** `column` is one of `values`; never true for an empty list. */
  public isIn(column: string, values: readonly string[]): string {
    if (values.length === 0) return '1 = 0';
    if (this.postgres) return `${column} = ANY(${this.add([...values])}::varchar[])`;
    return `${column} IN (${values.map((value) => this.add(value)).join(', ')})`;
  }
}

/** Reports read from the read replica when there is one. */
export async function readReplica<T>(
  dataSource: DataSource,
  query: string,
  parameters: unknown[],
): Promise<T[]> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    return (await runner.query(query, parameters)) as T[];
  } finally {
    await runner.release();
  }
}
