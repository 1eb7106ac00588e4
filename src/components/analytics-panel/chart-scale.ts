/**
 * Rounded y-axis ticks from 0 up to at least `max`: 3 to 5 of them, one step apart, the step 1, 2, 2.5 or 5
 * times a power of ten (whole steps only for counts, which never tick at half a conversation). A `max` of 0
 * or less (an empty chart) gets the ticks of 1.
 */
export function niceTicks(max: number, wholeNumbers = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // 2.5 × 1 is not a whole number; 2.5 × 10 is.
  const multipliers = wholeNumbers && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (multipliers.find((m) => m * magnitude >= raw * (1 - 1e-9)) ?? 10) * magnitude;
  if (wholeNumbers) step = Math.max(1, Math.round(step));
  let count = Math.ceil(top / step - 1e-9);
  // Fewer than three ticks (tiny whole-number maxima) tells the reader nothing about the scale.
  if (count < 2) count = 2;
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * Which of `count` evenly spaced slots get an x-axis label, so labels `labelWidth` pixels wide never overlap
 * on a plot `plotWidth` wide (each centred on its slot): the first, then every n-th slot.
 */
export function xLabelIndexes(count: number, plotWidth: number, labelWidth: number): number[] {
  if (count <= 0) return [];
  const slot = plotWidth / count;
  // Labels are centred on their slot; two centres must be a label width plus a gap apart.
  const minGap = labelWidth + 12;
  const every = Math.max(1, Math.ceil(minGap / slot));
  const indexes: number[] = [];
  for (let i = 0; i < count; i += every) indexes.push(i);
  return indexes;
}
