// The campaign's completion by service as a chart of bars, one a service, beside the table of the
// same figures (the dashboard's own table, with its links to each service's outstanding people).
import { barChart, type Chart } from '../../../platform/documents/charts/chart.ts';

type ServiceCompletion = { serviceName: string; members: number; responded: number; percent: number };

export function completionChart(
  services: readonly ServiceCompletion[],
  totals: { members: number; responded: number; percent: number },
): Chart {
  const lowest = Math.min(...services.map((service) => service.percent));
  const behind = services
    .filter((service) => service.percent === lowest)
    .map((service) => service.serviceName);
  return barChart({
    id: 'completion-chart',
    title: 'Share responded, by service',
    description:
      `${totals.percent}% of the people asked have responded (${totals.responded} of ${totals.members}).` +
      (services.length > 1 ? ` Furthest behind: ${behind.join(', ')}, at ${lowest}%.` : ''),
    categoryName: 'Service',
    categories: services.map((service) => service.serviceName),
    series: [
      {
        name: 'Responded',
        values: services.map((service) => service.percent),
        labels: services.map((service) => `${service.percent}% (${service.responded} of ${service.members})`),
      },
    ],
    unit: 'percent',
    orientation: 'bars',
  });
}
