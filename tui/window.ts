// Windowing: a long list shows only the rows that fit, and the selection stays inside the list and the window.

/** The visible slice of a list: rows `start` (inclusive) to `end` (exclusive). */
export interface ListWindow {
  start: number;
  end: number;
}

/** `value` kept within `[min, max]`. */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** A selection kept inside a list of `length` rows (0 when the list is empty). */
export function clampSelection(selected: number, length: number): number {
  return length === 0 ? 0 : clamp(selected, 0, length - 1);
}

/** The scroll offset after the selection moved: as little scrolling as keeps it in view. */
export function follow(scroll: number, selected: number, height: number, length: number): number {
  if (height <= 0 || length <= height) return 0;
  let next = scroll;
  if (selected < next) next = selected;
  if (selected >= next + height) next = selected - height + 1;
  return clamp(next, 0, length - height);
}

/** The window of a list of `length` rows, `height` high, scrolled to `scroll` and showing `selected`. */
export function windowOf({
  length,
  height,
  scroll,
  selected,
}: {
  length: number;
  height: number;
  scroll: number;
  selected: number;
}): ListWindow {
  const start = follow(scroll, clampSelection(selected, length), height, length);
  return { start, end: Math.min(length, start + Math.max(0, height)) };
}

/** "12–24 of 310", or "empty". */
export function positionLabel({ start, end }: ListWindow, length: number): string {
  return length === 0 ? 'empty' : `${start + 1}–${end} of ${length}`;
}
