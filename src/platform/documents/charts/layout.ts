// Where each shape of a chart goes, as columns standing up from a baseline or as bars lying along
// one. Drawn in this order: legend, grid, bars, axis, target, then the words on top.

import {
  type ChartInput,
  type ChartShape,
  chartLook,
  chartWidth,
  type Layout,
  legend,
  niceScale,
  textWidth,
  tickText,
  wrapText,
} from './model.ts';

const plotHeight = 200; // columns' height at the top of the scale
const barHeight = 18;
const lineHeight = 17; // a category label's lines

const maxValue = (input: ChartInput) =>
  Math.max(0, ...input.series.flatMap((series) => series.values.map((value) => value ?? 0)));

const widest = (texts: readonly string[], size: number) =>
  Math.max(0, ...texts.map((text) => textWidth(text, size)));

// Room on the left for the axis's numbers.
const axisRoom = (input: ChartInput) =>
  widest(
    niceScale(maxValue(input), input.unit).ticks.map((tick) => tickText(tick, input.unit)),
    chartLook.text.tick.size,
  ) + 10;

// Each column's share of its category's width, and its widest possible.
const columnSlot = (input: ChartInput) =>
  ((chartWidth - axisRoom(input) - 6) / Math.max(1, input.categories.length)) * (0.8 / input.series.length);

/** Columns fit when each is wide enough to carry its label above it; otherwise the chart is bars. */
export function fitsAsColumns(input: ChartInput, labels: string[][]): boolean {
  const needed = Math.max(24, widest(labels.flat(), chartLook.text.value.size) + 4);
  return columnSlot(input) >= needed;
}

function targetLine(
  input: ChartInput,
  at: (value: number) => number,
  from: number,
  to: number,
  vertical: boolean,
) {
  if (!input.target) return [];
  const position = at(input.target.value);
  const shape: ChartShape = vertical
    ? { kind: 'line', x1: position, y1: from, x2: position, y2: to, style: 'target' }
    : { kind: 'line', x1: from, y1: position, x2: to, y2: position, style: 'target' };
  return [shape];
}

/** Columns: a group a category along the bottom, the scale up the left. */
export function columnsLayout(input: ChartInput, labels: string[][]): Layout {
  const key = legend(input);
  const scale = niceScale(maxValue(input), input.unit);
  const left = axisRoom(input);
  const right = chartWidth - 6;
  const groupWidth = (right - left) / Math.max(1, input.categories.length);
  const barWidth = Math.min(64, columnSlot(input) - 3);
  const top = key.height + 22; // room for a label above the tallest column
  const baseline = top + plotHeight;
  const y = (value: number) => baseline - (Math.min(value, scale.top) / scale.top) * plotHeight;
  const grid: ChartShape[] = [];
  const words: ChartShape[] = [];
  for (const tick of scale.ticks) {
    if (tick > 0) grid.push({ kind: 'line', x1: left, y1: y(tick), x2: right, y2: y(tick), style: 'grid' });
    const text = tickText(tick, input.unit);
    words.push({ kind: 'text', x: left - 6, y: y(tick) + 4.5, text, anchor: 'end', style: 'tick' });
  }
  const bars: ChartShape[] = [];
  const categorySize = chartLook.text.category.size;
  let lines = 1;
  input.categories.forEach((category, c) => {
    const centre = left + groupWidth * (c + 0.5);
    const first = centre - (barWidth * input.series.length + 3 * (input.series.length - 1)) / 2;
    input.series.forEach((series, s) => {
      const value = series.values[c] ?? null;
      const x = first + s * (barWidth + 3);
      if (value !== null && value > 0)
        bars.push({ kind: 'bar', x, y: y(value), width: barWidth, height: baseline - y(value), series: s });
      const text = labels[s]?.[c] ?? '';
      words.push({
        kind: 'text',
        x: x + barWidth / 2,
        y: y(value ?? 0) - 6,
        text,
        anchor: 'middle',
        style: 'value',
      });
    });
    const wrapped = wrapText(category, groupWidth - 6, categorySize);
    lines = Math.max(lines, wrapped.length);
    wrapped.forEach((text, i) => {
      const at = baseline + 19 + i * lineHeight;
      words.push({ kind: 'text', x: centre, y: at, text, anchor: 'middle', style: 'category' });
    });
  });
  const axis: ChartShape = { kind: 'line', x1: left, y1: baseline, x2: right, y2: baseline, style: 'axis' };
  const target = targetLine(input, y, left, right, false);
  return {
    shapes: [...key.shapes, ...grid, ...bars, axis, ...target, ...words],
    height: baseline + 19 + (lines - 1) * lineHeight + 8,
  };
}

/** Bars: each category's name over its bars, the scale along the bottom, the values at the bars' ends. */
export function barsLayout(input: ChartInput, labels: string[][]): Layout {
  const key = legend(input);
  const scale = niceScale(maxValue(input), input.unit);
  const left = 8;
  const tickSize = chartLook.text.tick.size;
  const right =
    chartWidth -
    Math.max(
      widest(labels.flat(), chartLook.text.value.size) + 10,
      textWidth(tickText(scale.top, input.unit), tickSize) / 2 + 2,
    );
  const x = (value: number) => left + (Math.min(value, scale.top) / scale.top) * (right - left);
  const top = key.height + 4;
  const bars: ChartShape[] = [];
  const words: ChartShape[] = [];
  let cursor = top;
  input.categories.forEach((category, c) => {
    for (const text of wrapText(category, chartWidth - left - 5, chartLook.text.category.size)) {
      cursor += lineHeight;
      words.push({ kind: 'text', x: left + 5, y: cursor - 4, text, anchor: 'start', style: 'category' });
    }
    cursor += 2;
    input.series.forEach((series, s) => {
      const value = series.values[c] ?? null;
      if (value !== null && value > 0)
        bars.push({ kind: 'bar', x: left, y: cursor, width: x(value) - left, height: barHeight, series: s });
      const text = labels[s]?.[c] ?? '';
      words.push({
        kind: 'text',
        x: x(value ?? 0) + 6,
        y: cursor + 13.5,
        text,
        anchor: 'start',
        style: 'value',
      });
      cursor += barHeight + 3;
    });
    cursor += 10;
  });
  const bottom = cursor;
  const grid: ChartShape[] = [];
  for (const tick of scale.ticks) {
    if (tick > 0) grid.push({ kind: 'line', x1: x(tick), y1: top, x2: x(tick), y2: bottom, style: 'grid' });
    const text = tickText(tick, input.unit);
    words.push({
      kind: 'text',
      x: x(tick),
      y: bottom + 17,
      text,
      anchor: tick === 0 ? 'start' : 'middle',
      style: 'tick',
    });
  }
  const axis: ChartShape = { kind: 'line', x1: left, y1: top, x2: left, y2: bottom, style: 'axis' };
  const target = targetLine(input, x, top, bottom, true);
  return { shapes: [...key.shapes, ...grid, ...bars, axis, ...target, ...words], height: bottom + 26 };
}
