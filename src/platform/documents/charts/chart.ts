// A bar chart as a list of shapes already placed: the page draws it as SVG (web/views/macros/chart.njk)
// and a PDF draws the same shapes (documents/pdf-chart.ts), so the two cannot disagree. Each chart
// carries the table of its figures, its accessible alternative, shown beside it.
//
// Readable without colour (WCAG 1.4.1, 1.4.11): every bar is labelled with its value in words; each
// series has a fill pattern as well as a colour, and a legend; the bars, their outlines and the
// target line each have a contrast of at least 3:1 with the white ground.

import { barsLayout, columnsLayout, fitsAsColumns } from './layout.ts';
import {
  type ChartInput,
  type ChartShape,
  chartLook,
  chartWidth,
  labelsOf,
  round,
  type SeriesStyle,
  seriesLooks,
} from './model.ts';

export type { ChartInput, ChartSeries, ChartShape, SeriesStyle } from './model.ts';

export type Chart = {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  series: SeriesStyle[];
  shapes: ChartShape[];
  table: { caption: string; head: string[]; rows: string[][] };
  /** How lines and words are drawn, for the page's template. */
  look: typeof chartLook;
};

/** The chart of some figures: its shapes laid out, its series' looks and the table of its figures. */
export function barChart(input: ChartInput): Chart {
  if (input.series.length < 1 || input.series.length > seriesLooks.length)
    throw new Error(`A chart shows from 1 to ${seriesLooks.length} series`);
  const labels = labelsOf(input);
  const orientation = input.orientation ?? (fitsAsColumns(input, labels) ? 'columns' : 'bars');
  const layout = orientation === 'columns' ? columnsLayout(input, labels) : barsLayout(input, labels);
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    width: chartWidth,
    height: round(layout.height),
    series: input.series.map((series, i) => {
      const look = seriesLooks[i % seriesLooks.length] ?? { colour: '#1d70b8', fill: 'solid' as const };
      return { name: series.name, ...look };
    }),
    shapes: layout.shapes.map(rounded),
    table: {
      caption: input.title,
      head: [input.categoryName, ...input.series.map((series) => series.name)],
      rows: input.categories.map((category, i) => [
        category,
        ...input.series.map((series, s) => series.details?.[i] ?? labels[s]?.[i] ?? ''),
      ]),
    },
    look: chartLook,
  };
}

// Tenths of a unit are finer than any screen or printer shows, and keep the SVG short.
function rounded(shape: ChartShape): ChartShape {
  if (shape.kind === 'bar')
    return {
      ...shape,
      x: round(shape.x),
      y: round(shape.y),
      width: round(shape.width),
      height: round(shape.height),
    };
  if (shape.kind === 'line')
    return { ...shape, x1: round(shape.x1), y1: round(shape.y1), x2: round(shape.x2), y2: round(shape.y2) };
  return { ...shape, x: round(shape.x), y: round(shape.y) };
}
