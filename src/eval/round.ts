// One rounding for every printed figure, so a benchmark and the fitter cut numbers alike.

/** `value` rounded to `digits` decimals (halves round up, as Math.round does). */
export function roundTo(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
