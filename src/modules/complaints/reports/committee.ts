// The complaints figures a committee pack reports (the standards and audit committees, 002
// Monitoring and Reporting): received by quarter, each stage's outcomes and timeliness, and the
// Ombudsman's cases. Plain figures, so that the pack can keep them as they were.
import { decisions } from '../ombudsman/rules.ts';
import { quartersOf } from './rules.ts';
import type { ReportFigures } from './service.ts';

type Labelled = { code: string; label: string; count: number };

export type ComplaintsCommitteeSummary = {
  received: number;
  byQuarter: { label: string; received: number; responded: number; respondedOnTime: number }[];
  stages: {
    stage: number;
    started: number;
    acknowledgedOnTime: number;
    responded: number;
    respondedOnTime: number;
    upheld: number;
    partiallyUpheld: number;
    notUpheld: number;
  }[];
  onTimeTarget: number;
  ombudsman: {
    enquiries: number;
    responded: number;
    respondedOnTime: number;
    open: number;
    decisions: Labelled[];
  };
};

export function committeeSummaryOf(f: ReportFigures): ComplaintsCommitteeSummary {
  const byQuarter = quartersOf(f.period).map((quarter) => {
    const timeliness = f.timelinessByQuarter.filter((row) => row.quarter === quarter.key);
    return {
      label: quarter.label,
      received: f.receivedByQuarter.find((count) => count.key === quarter.key)?.count ?? 0,
      responded: timeliness.reduce((sum, row) => sum + row.responded, 0),
      respondedOnTime: timeliness.reduce((sum, row) => sum + row.respondedOnTime, 0),
    };
  });
  return {
    received: f.received,
    byQuarter,
    stages: f.stages.map((s) => ({
      stage: s.stage,
      started: s.started,
      acknowledgedOnTime: s.acknowledgedOnTime,
      responded: s.responded,
      respondedOnTime: s.respondedOnTime,
      upheld: s.upheld,
      partiallyUpheld: s.partiallyUpheld,
      notUpheld: s.notUpheld,
    })),
    onTimeTarget: f.onTimeTarget,
    ombudsman: {
      enquiries: f.ombudsman.enquiries,
      responded: f.ombudsman.responded,
      respondedOnTime: f.ombudsman.respondedOnTime,
      open: f.ombudsman.open,
      decisions: Object.entries(decisions).map(([code, label]) => ({
        code,
        label,
        count: f.ombudsman.decisions[code as keyof typeof decisions],
      })),
    },
  };
}
