// The review dashboard's chart: for each of the periods shown, oldest first, how many registers'
// reviews are signed off, still due and overdue. The table beside it has the same counts.
import { barChart, type Chart } from '../../../platform/documents/charts/chart.ts';
import type { ReviewCell } from './status.ts';

const statuses = [
  ['signed-off', 'Signed off'],
  ['due', 'Due'],
  ['overdue', 'Overdue'],
] as const;

export function reviewChart(cells: readonly ReviewCell[]): Chart {
  const periods = [...new Map(cells.map((cell) => [cell.period.start, cell.period])).values()].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
  const count = (start: string, status: ReviewCell['status']) =>
    cells.filter((cell) => cell.period.start === start && cell.status === status).length;
  const overdue = cells.filter((cell) => cell.status === 'overdue').length;
  return barChart({
    id: 'reviews-by-period',
    title: 'Register reviews by period',
    description: `For each period, how many registers’ reviews are signed off, due and overdue. ${
      overdue === 0 ? 'None is overdue.' : `${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.`
    }`,
    categoryName: 'Period',
    categories: periods.map((period) => period.label),
    // Each bar says what it counts, so that a bar of nothing is known by its words, not its place.
    series: statuses.map(([status, name]) => {
      const values = periods.map((period) => count(period.start, status));
      return {
        name,
        values,
        labels: values.map((value) => `${value} ${name.toLowerCase()}`),
        details: values.map(String),
      };
    }),
    unit: 'count',
    orientation: 'bars',
  });
}
