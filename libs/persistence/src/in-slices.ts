/**
 * Runs `write` on successive slices of `items` (`size` at most), awaiting `between` before each: a long
 * write then leaves room for other work on the process between its slices.
 */
export async function inSlices<Item>(
  items: readonly Item[],
  size: number,
  between: () => Promise<void>,
  write: (slice: readonly Item[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await between();
    await write(items.slice(start, start + size));
  }
}
