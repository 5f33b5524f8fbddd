// A page of a list asked of the engine: only that slice is projected (a page costs its own size, not the
// collection's); the engine notes the whole list's length in `total` for @odata.count and nextLink.

export interface ListWindow {
  offset: number;
  limit: number;
  total?: number;
}

/** The part of a list a window asks for (all of it without one), noting the whole list's length in the window. */
export function windowed<T>(items: T[], window: ListWindow | undefined): T[] {
  if (!window) return items;
  window.total = items.length;
  return items.slice(window.offset, window.offset + window.limit);
}
