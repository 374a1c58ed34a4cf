// What a chart is made of, and the measures its layouts share: the axis's steps, text widths and
// wrapping, the legend. Pure; chart.ts puts them together.

export type ChartSeries = {
  name: string;
  /** One value a category; null where there is nothing to measure (no bar, and its label says so). */
  values: readonly (number | null)[];
  /** The words for each value, on the bar and in the table; the value itself when absent. */
  labels?: readonly string[];
  /** The table's words for each value, where it says more than the bar ("3 of 4 (75%)"). */
  details?: readonly string[];
};

export type ChartInput = {
  id: string;
  title: string;
  /** What the chart shows and what it says, for people who cannot see it. */
  description: string;
  /** The heading of the table's first column: what the categories are ("Quarter", "Service"). */
  categoryName: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  unit: 'count' | 'percent';
  target?: { value: number; label: string };
  /** Columns stand up from a baseline; bars lie along it. Columns unless they would be too thin. */
  orientation?: 'columns' | 'bars';
};

export type Fill = 'solid' | 'hatched' | 'crossed' | 'dotted';
export type SeriesStyle = { name: string; colour: string; fill: Fill };
type LineStyle = 'axis' | 'grid' | 'target';
type TextStyle = 'tick' | 'category' | 'value' | 'legend';

export type ChartShape =
  | { kind: 'bar'; x: number; y: number; width: number; height: number; series: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; style: LineStyle }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      anchor: 'start' | 'middle' | 'end';
      style: TextStyle;
    };

export type Layout = { shapes: ChartShape[]; height: number };

/** The width of every chart's drawing: the page scales it to fit (viewBox), the PDF to its column. */
export const chartWidth = 400;

// The series' looks, in order: GOV.UK blue, purple, red and black, each at least 4.5:1 on white,
// each with its own fill so that no two series differ by colour alone.
export const seriesLooks: readonly { colour: string; fill: Fill }[] = [
  { colour: '#1d70b8', fill: 'solid' },
  { colour: '#4c2c92', fill: 'hatched' },
  { colour: '#d4351c', fill: 'crossed' },
  { colour: '#0b0c0c', fill: 'dotted' },
];

/** How each kind of line and text is drawn, the same on the page and in a PDF. */
export const chartLook: {
  line: Record<LineStyle, { colour: string; width: number; dash: readonly [number, number] | null }>;
  text: Record<TextStyle, { size: number; bold: boolean; colour: string }>;
  barOutline: number;
} = {
  line: {
    axis: { colour: '#0b0c0c', width: 1.5, dash: null },
    grid: { colour: '#b1b4b6', width: 1, dash: null },
    target: { colour: '#0b0c0c', width: 2.5, dash: [8, 4] },
  },
  text: {
    tick: { size: 13, bold: false, colour: '#505a5f' },
    category: { size: 14, bold: false, colour: '#0b0c0c' },
    value: { size: 13, bold: true, colour: '#0b0c0c' },
    legend: { size: 14, bold: false, colour: '#0b0c0c' },
  },
  barOutline: 1.5,
};

export type Scale = { top: number; step: number; ticks: number[] };

/** The axis for values up to `max`: steps of 1, 2 or 5 times a power of ten, at most `most` of them
 * above zero, whole numbers for counts; percentages always run 0 to 100 in quarters. */
export function niceScale(max: number, unit: ChartInput['unit'], most = 5): Scale {
  if (unit === 'percent') return { top: 100, step: 25, ticks: [0, 25, 50, 75, 100] };
  if (!(max > 0)) return { top: 1, step: 1, ticks: [0, 1] };
  const rough = max / most;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * power >= rough - 1e-9) ?? 10) * power);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => round(i * step));
  return { top, step, ticks };
}

// The standard fonts' letters average a little over half their size across; the layouts need
// only to keep labels apart, not to measure them exactly.
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}

/** Words in lines no wider than `width`; a word longer than a line has a line to itself. */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

export const round = (value: number) => Math.round(value * 10) / 10;

export const tickText = (value: number, unit: ChartInput['unit']) =>
  unit === 'percent' ? `${value}%` : value.toLocaleString('en-GB');

export const valueText = (value: number | null, unit: ChartInput['unit']) =>
  value === null ? 'none' : unit === 'percent' ? `${Math.round(value)}%` : value.toLocaleString('en-GB');

/** The label of each value of each series: as given, or the value in words. */
export function labelsOf(input: ChartInput): string[][] {
  return input.series.map((series) =>
    input.categories.map((_, i) => series.labels?.[i] ?? valueText(series.values[i] ?? null, input.unit)),
  );
}

// The legend: a swatch and name for each series, and the target's line and words; none for one
// series and no target, which the title names. Items run on to another row when a row is full.
export function legend(input: ChartInput): Layout {
  const items = [
    ...(input.series.length > 1 ? input.series.map((series, i) => ({ text: series.name, series: i })) : []),
    ...(input.target ? [{ text: input.target.label, series: -1 }] : []),
  ];
  if (!items.length) return { shapes: [], height: 0 };
  const size = chartLook.text.legend.size;
  const row = 24;
  const shapes: ChartShape[] = [];
  let [x, y] = [0, 0];
  for (const item of items) {
    const width = 28 + textWidth(item.text, size);
    if (x > 0 && x + width > chartWidth) [x, y] = [0, y + row];
    if (item.series >= 0)
      shapes.push({ kind: 'bar', x: x + 1, y: y + 3, width: 16, height: 16, series: item.series });
    else shapes.push({ kind: 'line', x1: x, y1: y + 11, x2: x + 22, y2: y + 11, style: 'target' });
    shapes.push({ kind: 'text', x: x + 28, y: y + 16, text: item.text, anchor: 'start', style: 'legend' });
    x += width + 20;
  }
  return { shapes, height: y + row + 10 };
}
