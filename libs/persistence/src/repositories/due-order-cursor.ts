import { Brackets } from 'typeorm';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Keeps the applications after a cursor in the order `due_at, id`. The first condition alone bounds
 * an index range that starts at the cursor; without it each page reads the index from its start. The
 * second drops the rows already read.
 */
export function afterInDueOrder<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  after: { dueAt: number; id: string },
): SelectQueryBuilder<T> {
  const alias = query.alias;
  return query
    .andWhere(`${alias}.due_at >= :afterDue`, { afterDue: after.dueAt })
    .andWhere(
      new Brackets((page) =>
        page
          .where(`${alias}.due_at > :afterDue`, { afterDue: after.dueAt })
          .orWhere(`${alias}.id > :afterId`, { afterId: after.id }),
      ),
    );
}
