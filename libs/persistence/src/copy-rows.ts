import type { Connection, PoolClient, Submittable } from 'pg';
import { QueryFailedError } from 'typeorm';

/** The wire-protocol calls a COPY FROM STDIN needs, which the `pg` typings leave out. */
interface CopyConnection extends Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * One `COPY … FROM STDIN` on a connection (in its open transaction): the rows travel as one block of
 * text, which PostgreSQL stores with far less work per row than an INSERT of the same rows.
 */
class CopyFromStdin implements Submittable {
  private settled = false;

  public constructor(
    private readonly statement: string,
    private readonly chunks: readonly Buffer[],
    private readonly settle: (error?: Error) => void,
  ) {}

  public submit(connection: Connection): void {
    connection.query(this.statement);
  }

  public handleCopyInResponse(connection: CopyConnection): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  public handleReadyForQuery(): void {
    this.finish();
  }

  public handleError(error: Error): void {
    this.finish(error);
  }

  public handleCommandComplete(): void {}
  public handleRowDescription(): void {}
  public handleDataRow(): void {}
  public handleEmptyQuery(): void {}
  public handlePortalSuspended(): void {}
  public handleCopyData(): void {}

  private finish(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.settle(error);
  }
}

/**
 * Copies rows, given in COPY's text format (whole lines in each chunk), into `table` (columns in the
 * order given) over a `pg` client.
 */
export function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  chunks: readonly Buffer[],
): Promise<void> {
  if (chunks.every((chunk) => chunk.length === 0)) return Promise.resolve();
  const statement = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  return new Promise((done, fail) => {
    // Failures look like TypeORM's own, so that callers recognise, say, a unique violation.
    const settle = (error?: Error) => (error ? fail(new QueryFailedError(statement, [], error)) : done());
    client.query(new CopyFromStdin(statement, chunks, settle));
  });
}
