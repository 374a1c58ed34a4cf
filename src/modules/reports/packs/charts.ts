// The charts a committee would rather look at than read: complaints received by quarter, responses
// on time by quarter against the council's target, and declarations completion by campaign. The
// page and the PDF draw them from the pack's figures, each with the table of its figures.
import { barChart, type Chart } from '../../../platform/documents/charts/chart.ts';
import type { ComplaintsCommitteeSummary, DeclarationsCommitteeSummary } from '../sources.ts';

export const share = (part: number, whole: number) =>
  whole === 0 ? 'none' : `${Math.round((part / whole) * 100)}%`;

export function receivedChart(c: ComplaintsCommitteeSummary): Chart {
  const most = Math.max(0, ...c.byQuarter.map((q) => q.received));
  return barChart({
    id: 'pack-complaints-received',
    title: 'Corporate complaints received by quarter',
    description:
      c.received === 0
        ? 'No complaints were received in the period.'
        : `${c.received} complaints were received in the period; the most in a quarter was ${most}.`,
    categoryName: 'Quarter',
    categories: c.byQuarter.map((q) => q.label),
    series: [{ name: 'Received', values: c.byQuarter.map((q) => q.received) }],
    unit: 'count',
  });
}

export function onTimeChart(c: ComplaintsCommitteeSummary): Chart {
  const responded = c.byQuarter.reduce((sum, q) => sum + q.responded, 0);
  const onTime = c.byQuarter.reduce((sum, q) => sum + q.respondedOnTime, 0);
  return barChart({
    id: 'pack-complaints-on-time',
    title: 'Complaint responses sent on time, by the quarter the stage started',
    description: `The share of responses sent by the deadline, or the extended deadline, against the council’s target of ${c.onTimeTarget}%. ${
      responded ? `${onTime} of ${responded} on time (${share(onTime, responded)}).` : 'No responses.'
    }`,
    categoryName: 'Quarter',
    categories: c.byQuarter.map((q) => q.label),
    series: [
      {
        name: 'On time',
        values: c.byQuarter.map((q) => (q.responded ? (q.respondedOnTime / q.responded) * 100 : null)),
        labels: c.byQuarter.map((q) => share(q.respondedOnTime, q.responded)),
        details: c.byQuarter.map((q) =>
          q.responded
            ? `${q.respondedOnTime} of ${q.responded} (${share(q.respondedOnTime, q.responded)})`
            : 'none',
        ),
      },
    ],
    unit: 'percent',
    target: { value: c.onTimeTarget, label: `Target: ${c.onTimeTarget}% on time` },
  });
}

export function completionChart(d: DeclarationsCommitteeSummary): Chart {
  return barChart({
    id: 'pack-declarations-completion',
    title: 'Annual declarations made, by campaign',
    description: d.members
      ? `${d.responded} of ${d.members} people asked have made their declaration (${share(d.responded, d.members)}).`
      : 'No declaration campaign was due in the period.',
    categoryName: 'Campaign',
    categories: d.campaigns.map((campaign) => campaign.name),
    series: [
      {
        name: 'Declared',
        values: d.campaigns.map((campaign) =>
          campaign.members ? (campaign.responded / campaign.members) * 100 : null,
        ),
        labels: d.campaigns.map((campaign) => share(campaign.responded, campaign.members)),
        details: d.campaigns.map(
          (campaign) =>
            `${campaign.responded} of ${campaign.members} (${share(campaign.responded, campaign.members)})`,
        ),
      },
    ],
    unit: 'percent',
  });
}
