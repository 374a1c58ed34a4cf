// The reports' charts: complaints received by quarter, and responses on time by quarter against
// the council's target. The page and the PDF draw them from the same figures as their tables.
import { barChart, type Chart } from '../../../platform/documents/charts/chart.ts';
import { percent, quartersOf } from './rules.ts';
import type { ReportFigures } from './service.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function receivedChart(f: ReportFigures): Chart {
  const quarters = quartersOf(f.period);
  const values = quarters.map(
    (quarter) => f.receivedByQuarter.find((count) => count.key === quarter.key)?.count ?? 0,
  );
  const most = Math.max(...values);
  const busiest = quarters.filter((_, i) => values[i] === most).map((quarter) => quarter.label);
  return barChart({
    id: 'received-by-quarter',
    title: 'Complaints received by quarter',
    description:
      f.received === 0
        ? 'No complaints were received in the period.'
        : `${plural(f.received, 'complaint was', 'complaints were')} received in the period; the most, ${most}, in ${busiest.join(' and ')}.`,
    categoryName: 'Quarter',
    categories: quarters.map((quarter) => quarter.label),
    series: [{ name: 'Received', values }],
    unit: 'count',
  });
}

// A series for each stage the council's regime has: the share of the responses to the stages
// started in each quarter that were sent by the deadline, or the extended deadline.
export function timelinessChart(f: ReportFigures): Chart {
  const quarters = quartersOf(f.period);
  const stages = f.regime === 'single-stage' ? [1] : [1, 2];
  const series = stages.map((stage) => {
    const rows = quarters.map((quarter) =>
      f.timelinessByQuarter.find((row) => row.quarter === quarter.key && row.stage === stage),
    );
    const responded = rows.map((row) => row?.responded ?? 0);
    const onTime = rows.map((row) => row?.respondedOnTime ?? 0);
    return {
      name: f.regime === 'single-stage' ? 'Responses' : `Stage ${stage}`,
      values: rows.map((_, i) =>
        (responded[i] ?? 0) ? ((onTime[i] ?? 0) / (responded[i] ?? 1)) * 100 : null,
      ),
      labels: rows.map((_, i) => percent(onTime[i] ?? 0, responded[i] ?? 0)),
      details: rows.map((_, i) =>
        responded[i]
          ? `${onTime[i]} of ${responded[i]} (${percent(onTime[i] ?? 0, responded[i] ?? 0)})`
          : 'none',
      ),
      total: { onTime: onTime.reduce((a, b) => a + b, 0), responded: responded.reduce((a, b) => a + b, 0) },
    };
  });
  const summary = series
    .map(({ name, total }) =>
      total.responded
        ? `${name}: ${total.onTime} of ${total.responded} on time (${percent(total.onTime, total.responded)}).`
        : `${name}: no responses.`,
    )
    .join(' ');
  return barChart({
    id: 'on-time-by-quarter',
    title: 'Responses sent on time, by the quarter the stage started',
    description: `The share of responses sent by the deadline, or the extended deadline, against the council’s target of ${f.onTimeTarget}%. ${summary}`,
    categoryName: 'Quarter',
    categories: quarters.map((quarter) => quarter.label),
    series,
    unit: 'percent',
    target: { value: f.onTimeTarget, label: `Target: ${f.onTimeTarget}% on time` },
  });
}
