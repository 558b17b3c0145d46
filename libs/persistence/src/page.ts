/** The highest page number a listing serves: far past any real listing, far below an overflowing OFFSET. */
export const MAX_PAGE = 100_000;

/** The most items a page of the API holds. */
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The rows a page skips. Page numbers and sizes are checked where they enter (docs/architecture.md,
 * "HTTP conventions"); one that was not is refused here rather than sent to the database as an OFFSET
 * past its integers.
 */
export function pageOffset({ page, pageSize }: PageRequest): number {
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`page ${page} of ${pageSize} is not a page`);
  }
  if (!Number.isSafeInteger(offset)) throw new RangeError(`page ${page} of ${pageSize} is out of range`);
  return offset;
}
