/** Links between the pages of a listing at `path` (`?page=N`): at least one page, even when empty. */
export function paginationOf(path: string, page: number, total: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    page,
    pages,
    previous: page > 1 ? `${path}?page=${page - 1}` : null,
    next: page < pages ? `${path}?page=${page + 1}` : null,
  };
}
