import { describe, expect, it } from 'vitest';
import { barChart, type Chart, type ChartInput } from './chart.ts';
import { chartWidth, niceScale, wrapText } from './model.ts';

describe('niceScale: steps of 1, 2 or 5 times a power of ten, at most five above zero', () => {
  it.each([
    // max, top, step
    [0, 1, 1],
    [1, 1, 1],
    [3, 3, 1],
    [5, 5, 1],
    [6, 6, 2],
    [7, 8, 2],
    [10, 10, 2],
    [11, 15, 5],
    [23, 25, 5],
    [48, 50, 10],
    [97, 100, 20],
    [101, 150, 50],
    [1234, 1500, 500],
    [0.4, 1, 1], // counts are whole numbers: never a step of less than one
  ])('counts up to %d run to %d in steps of %d', (max, top, step) => {
    const scale = niceScale(max, 'count');
    expect([scale.top, scale.step]).toEqual([top, step]);
    expect(scale.ticks[0]).toBe(0);
    expect(scale.ticks.at(-1)).toBe(top);
    expect(scale.ticks.length - 1).toBeLessThanOrEqual(5);
  });

  it.each([0, 40, 100])('percentages run 0 to 100 in quarters, whatever the largest (%d)', (max) => {
    expect(niceScale(max, 'percent').ticks).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('wrapText', () => {
  it.each([
    ['April to June 2026', 200, ['April to June 2026']],
    ['April to June 2026', 80, ['April to', 'June 2026']],
    ['Environmental Health and Licensing', 120, ['Environmental', 'Health and', 'Licensing']],
    ['Supercalifragilistic', 40, ['Supercalifragilistic']], // a long word keeps a line of its own
    ['', 100, ['']],
  ])('%s in %d wide', (text, width, lines) => {
    expect(wrapText(text, width, 14)).toEqual(lines);
  });
});

const quarters = [
  'April to June 2026',
  'July to September 2026',
  'October to December 2026',
  'January to March 2027',
];
const volumes: ChartInput = {
  id: 'received-by-quarter',
  title: 'Complaints received by quarter',
  description: '12 complaints',
  categoryName: 'Quarter',
  categories: quarters,
  series: [{ name: 'Received', values: [4, 0, 8, null] }],
  unit: 'count',
};

const texts = (chart: Chart, style: string) =>
  chart.shapes.flatMap((shape) => (shape.kind === 'text' && shape.style === style ? [shape.text] : []));
const bars = (chart: Chart) => chart.shapes.flatMap((shape) => (shape.kind === 'bar' ? [shape] : []));

describe('barChart as columns', () => {
  const chart = barChart(volumes);

  it('stands a column on the baseline for each value above zero, as tall as its share of the scale', () => {
    const axis = chart.shapes.find((shape) => shape.kind === 'line' && shape.style === 'axis');
    const baseline = axis?.kind === 'line' ? axis.y1 : Number.NaN;
    const columns = bars(chart);
    expect(columns).toHaveLength(2); // nothing drawn for 0 or for no figure
    const [four, eight] = columns;
    expect(four && eight && eight.height / four.height).toBeCloseTo(2, 1);
    for (const column of columns) expect(column.y + column.height).toBeCloseTo(baseline, 1);
    expect(four && eight && four.x < eight.x).toBe(true); // in the categories' order
  });

  it('labels every value, zero and none included, and every category and tick', () => {
    expect(texts(chart, 'value')).toEqual(['4', '0', '8', 'none']);
    expect(texts(chart, 'tick')).toEqual(['0', '2', '4', '6', '8']);
    expect(texts(chart, 'category').slice(0, 2)).toEqual(['April to', 'June 2026']);
  });

  it('has no legend for one series and no target', () => {
    expect(texts(chart, 'legend')).toEqual([]);
  });

  it('has the table of its figures, as labelled on the bars', () => {
    expect(chart.table).toEqual({
      caption: 'Complaints received by quarter',
      head: ['Quarter', 'Received'],
      rows: [
        ['April to June 2026', '4'],
        ['July to September 2026', '0'],
        ['October to December 2026', '8'],
        ['January to March 2027', 'none'],
      ],
    });
  });

  it('keeps every shape inside its drawing', () => {
    for (const shape of chart.shapes) {
      const [xs, ys] =
        shape.kind === 'bar'
          ? [
              [shape.x, shape.x + shape.width],
              [shape.y, shape.y + shape.height],
            ]
          : shape.kind === 'line'
            ? [
                [shape.x1, shape.x2],
                [shape.y1, shape.y2],
              ]
            : [[shape.x], [shape.y]];
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
      for (const x of xs) expect(x).toBeLessThanOrEqual(chartWidth);
      for (const y of ys) expect(y).toBeGreaterThanOrEqual(0);
      for (const y of ys) expect(y).toBeLessThanOrEqual(chart.height);
    }
  });
});

describe('barChart with two series and a target', () => {
  const chart = barChart({
    id: 'on-time',
    title: 'Responses on time by quarter',
    description: 'Against a target of 95%',
    categoryName: 'Quarter',
    categories: quarters,
    series: [
      { name: 'Stage 1', values: [50, 100, null, 75], labels: ['50%', '100%', 'none', '75%'] },
      {
        name: 'Stage 2',
        values: [100, null, null, 0],
        details: ['2 of 2 (100%)', 'none', 'none', '0 of 3 (0%)'],
      },
    ],
    unit: 'percent',
    target: { value: 95, label: 'Target: 95% on time' },
  });

  it('names each series and the target in the legend, and gives each series its own fill', () => {
    expect(texts(chart, 'legend')).toEqual(['Stage 1', 'Stage 2', 'Target: 95% on time']);
    expect(chart.series.map((series) => series.fill)).toEqual(['solid', 'hatched']);
    expect(new Set(chart.series.map((series) => series.colour)).size).toBe(2);
  });

  it('draws the target across the plot at its height on the scale', () => {
    const lines = chart.shapes.flatMap((shape) => (shape.kind === 'line' ? [shape] : []));
    const target = lines.filter((line) => line.style === 'target').at(-1);
    const grid = lines.filter((line) => line.style === 'grid');
    const at = (tick: number) => grid[tick / 25 - 1]?.y1 ?? Number.NaN;
    expect(target?.y1).toBe(target?.y2);
    expect(target?.y1).toBeCloseTo(at(100) + (at(75) - at(100)) * (5 / 25), 0);
  });

  it('labels values category by category, and tables them by category, with the details given', () => {
    expect(texts(chart, 'value')).toEqual(['50%', '100%', '100%', 'none', 'none', 'none', '75%', '0%']);
    expect(chart.table.head).toEqual(['Quarter', 'Stage 1', 'Stage 2']);
    expect(chart.table.rows[0]).toEqual(['April to June 2026', '50%', '2 of 2 (100%)']);
    expect(chart.table.rows[3]).toEqual(['January to March 2027', '75%', '0 of 3 (0%)']);
  });
});

describe('barChart as bars', () => {
  const services = ['Housing', 'Environmental Health and Licensing', 'Finance and Revenues'];
  const completion: ChartInput = {
    id: 'completion',
    title: 'Completion by service',
    description: '',
    categoryName: 'Service',
    categories: services,
    series: [
      { name: 'Responded', values: [100, 50, 0], labels: ['100% (3 of 3)', '50% (1 of 2)', '0% (0 of 4)'] },
    ],
    unit: 'percent',
  };

  it('stands columns when their labels fit above them, else lays bars along the baseline', () => {
    const short = { ...completion, labels: undefined, series: [{ name: 'Responded', values: [100, 50, 0] }] };
    expect(bars(barChart(short))[1]?.x).toBeGreaterThan(bars(barChart(short))[0]?.x ?? 0);
    expect(bars(barChart(completion))[1]?.x).toBe(bars(barChart(completion))[0]?.x);
  });

  it("lays each category's bars under its name, from the same baseline, labelled at their ends", () => {
    const chart = barChart({ ...completion, orientation: 'bars' });
    const laid = bars(chart);
    expect(laid).toHaveLength(2);
    const [full, half] = laid;
    expect(full?.x).toBe(half?.x);
    expect(full && half && full.width / half.width).toBeCloseTo(2, 1);
    expect(texts(chart, 'value')).toEqual(['100% (3 of 3)', '50% (1 of 2)', '0% (0 of 4)']);
    expect(texts(chart, 'category')).toEqual([
      'Housing',
      'Environmental Health and Licensing',
      'Finance and Revenues',
    ]);
    for (const label of chart.shapes)
      if (label.kind === 'text' && label.style === 'value') expect(label.x).toBeLessThan(chartWidth - 80);
  });

  it('grows taller with each category, and chooses bars for many columns', () => {
    const many = barChart({
      ...volumes,
      categories: Array.from({ length: 24 }, (_, i) => `Quarter ${i + 1}`),
      series: [{ name: 'Received', values: Array.from({ length: 24 }, (_, i) => i) }],
    });
    expect(texts(many, 'category')).toHaveLength(24);
    expect(many.height).toBeGreaterThan(barChart({ ...completion, orientation: 'bars' }).height * 4);
    const last = bars(many).at(-1);
    expect(last?.height).toBeLessThan(last?.width ?? 0); // lying down
  });

  it('can be asked for as columns or bars', () => {
    const bars = barChart({ ...volumes, orientation: 'bars' });
    expect(texts(bars, 'category')).toEqual(quarters);
  });

  it('refuses no series or more than it has patterns for', () => {
    expect(() => barChart({ ...volumes, series: [] })).toThrow();
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, values: [1, 2, 3, 4] }));
    expect(() => barChart({ ...volumes, series: five })).toThrow();
  });
});
