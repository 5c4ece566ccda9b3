/** Index of the first item for which `isBefore` is false, in a list ordered so that `isBefore` holds for a prefix. */
export function lowerBound<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
