import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import { urgency, urgencyNames } from '../deadline-rules.ts';
import { documentPurposes, fileSizeText } from '../intake/uploads.ts';
import { receivedBy } from '../reports/rules.ts';
import { statusTag } from '../status-rules.ts';
import { complaintCategories, statutoryRoutes, triageDecisions, triageSources } from '../triage-rules.ts';
import { outcomes, pounds, remedyKinds, remedyText } from './rules.ts';
import type { Casework } from './service.ts';

// What the case page and the case's forms show, from the case as casework reads it.

type CaseView = Awaited<ReturnType<Casework['view']>>;

const itemsOf = (names: Record<string, string>) =>
  Object.entries(names).map(([value, text]) => ({ value, text }));

// The choices the case's forms offer.
const choices = {
  remedyKinds: itemsOf(remedyKinds),
  outcomeItems: itemsOf(outcomes),
  decisionItems: Object.entries(triageDecisions).map(([value, text]) => ({
    value,
    text,
    source: triageSources[value as keyof typeof triageDecisions] ?? '',
  })),
  categoryItems: itemsOf(complaintCategories),
  routeItems: Object.entries(statutoryRoutes).map(([value, route]) => ({ value, text: route.name })),
};

const isOpen = (status: string) => status === 'stage-1' || status === 'stage-2';

function stageRows(view: CaseView, today: string) {
  const { complaint } = view;
  return view.stages.map((stage) => {
    const due = stage.extendedTo ?? stage.respondBy;
    const current = !stage.respondedOn && isOpen(complaint.status) && stage.stage === complaint.stage;
    return {
      ...stage,
      title: complaint.regime === 'single-stage' ? 'The complaint' : `Stage ${stage.stage}`,
      outcomeName: stage.outcome ? outcomes[stage.outcome] : null,
      dueText: stage.respondBy ? weekdayDayMonthYear(due ?? stage.respondBy) : null,
      acknowledgeText: weekdayDayMonthYear(stage.acknowledgeBy),
      urgencyName: current && due ? urgencyNames[urgency(view.calendar, today, due, view.atRiskDays)] : null,
    };
  });
}

// What may be done to the case now, by its status.
function actionsOf(view: CaseView) {
  const { complaint } = view;
  const open = isOpen(complaint.status);
  const handled = Boolean(view.stages.find((s) => s.stage === complaint.stage)?.handlerId);
  return {
    triage: complaint.status === 'awaiting-triage',
    allocate: open && !handled,
    reallocate: open && handled,
    ask: open,
    extend: open && view.maxExtensionDays > 0,
    respond: open,
    remedy:
      complaint.status !== 'awaiting-triage' &&
      complaint.status !== 'not-accepted' &&
      complaint.status !== 'closed' &&
      complaint.status !== 'merged',
    escalate: complaint.status === 'stage-1-responded' && complaint.regime === 'complaint-handling-code',
    close: complaint.status === 'stage-1-responded' || complaint.status === 'stage-2-responded',
  };
}

// A file sent with the complaint, as the case lists it: what it is for and how big.
const documentRow = (document: CaseView['documents'][number]) => ({
  ...document,
  purposeName: documentPurposes[document.purpose as keyof typeof documentPurposes] ?? document.purpose,
  sizeText: fileSizeText(document.sizeBytes),
});

export function caseModel(view: CaseView, today: string) {
  const { complaint } = view;
  return {
    ...view,
    tag: statusTag(complaint.status, complaint.regime),
    receivedBy: receivedBy[complaint.channel] ?? complaint.channel,
    categoryName: complaint.category
      ? complaintCategories[complaint.category as keyof typeof complaintCategories]
      : null,
    decisionName: complaint.triageDecision
      ? triageDecisions[complaint.triageDecision as keyof typeof triageDecisions]
      : null,
    routeName: complaint.statutoryRoute
      ? statutoryRoutes[complaint.statutoryRoute as keyof typeof statutoryRoutes].name
      : null,
    stageRows: stageRows(view, today),
    documentRows: view.documents.map(documentRow),
    duplicateRows: view.duplicates.map((duplicate) => ({
      ...duplicate,
      documentRows: duplicate.documents.map(documentRow),
    })),
    remedyRows: view.remedies.map((remedy) => ({
      ...remedy,
      kindName: remedyKinds[remedy.kind as keyof typeof remedyKinds] ?? remedy.kind,
      amount: remedy.amountPence !== null ? pounds(remedy.amountPence) : null,
      text: remedyText(remedy),
    })),
    ...choices,
    actions: actionsOf(view),
  };
}
