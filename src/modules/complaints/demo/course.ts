import type { Outcome } from '../casework/rules.ts';
import type { NotAComplaint, Story } from './stories.ts';

// What happens to one demo complaint after it arrives, as the complaints team's actions on dates:
// a course (when it was triaged, answered, escalated, closed) turned into the actions that make it.

export type Action =
  | { do: 'triage'; input: Record<string, string> }
  | { do: 'allocate'; handler: string }
  | { do: 'ask'; officers: string[]; question: string; dueOn: string }
  | { do: 'answer'; who: string; account: string }
  | { do: 'extend'; days: string; reason: string }
  | { do: 'remedy'; kind: string; description: string; amount: string; owner: string; dueOn: string }
  | { do: 'remedy-done' }
  | { do: 'improve'; description: string }
  | { do: 'respond'; outcome: Outcome; findings: string }
  | { do: 'escalate'; reason: string }
  | { do: 'close' }
  | { do: 'ombudsman'; step: string; input: Record<string, string> };

// Each action is taken by `by` (a complaints officer or manager unless said otherwise).
export type Timed = { on: string; time: string; by: string; action: Action };

export type Stage = {
  handler: string;
  respondOn: string;
  outcome: Outcome;
  extendOn?: string;
  remedy?: { owner: string; dueOn: string; doneOn?: string; pounds?: number };
  improvement?: boolean;
};

export type Course = {
  triageOn: string;
  stage1?: Stage;
  ask?: { on: string; officers: string[]; dueOn: string; answeredOn?: string };
  escalateOn?: string;
  stage2?: Stage;
  closeOn?: string;
};

export const manager = 'lucy.adeyemi';
export const email = (name: string) => `${name}@demo.probity.test`;

// The head of each service complained about, who owns its remedies and gives its accounts.
export const heads: Record<string, string> = {
  Housing: 'kwame.mensah',
  'Finance and Revenues': 'helen.marsh',
  'Environmental Health and Licensing': 'fiona.mcleod',
  'Planning and Building Control': 'tom.whitfield',
  'Customer Services': 'sarah.jenkins',
  'Revenues Compliance and Enforcement': 'paul.hughes',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function findings(story: Story, outcome: Outcome): string {
  if (outcome === 'upheld')
    return `We looked into what happened and agree that ${story.fault}. We are sorry for this.`;
  if (outcome === 'partially-upheld')
    return `We uphold part of your complaint: ${story.fault}. The rest of what happened followed our procedures.`;
  return `We looked into what happened and found that ${story.fine}. We do not uphold your complaint.`;
}

function stageActions(story: Story, stage: Stage): Timed[] {
  const { handler, remedy } = stage;
  const actions: Timed[] = [];
  const at = (on: string, time: string, action: Action, by = handler) =>
    actions.push({ on, time, by, action });
  if (stage.extendOn)
    at(stage.extendOn, '15:10', {
      do: 'extend',
      days: '10',
      reason: 'We are waiting for records from the service and need more time to look at them properly',
    });
  if (remedy && stage.outcome !== 'not-upheld') {
    const [min] = story.remedy.pounds ?? [0];
    at(stage.respondOn, '11:40', {
      do: 'remedy',
      kind: story.remedy.kind,
      description: story.remedy.description,
      amount: story.remedy.kind === 'financial-redress' ? String(remedy.pounds ?? min) : '',
      owner: remedy.owner,
      dueOn: remedy.dueOn,
    });
    if (remedy.doneOn) at(remedy.doneOn, '16:20', { do: 'remedy-done' });
  }
  if (stage.improvement && story.improvement && stage.outcome === 'upheld')
    at(stage.respondOn, '11:50', { do: 'improve', description: story.improvement });
  at(stage.respondOn, '12:05', {
    do: 'respond',
    outcome: stage.outcome,
    findings: findings(story, stage.outcome),
  });
  return actions;
}

// A complaint accepted at triage, through its stages to where the course ends.
export function courseActions(story: Story, course: Course): Timed[] {
  const actions: Timed[] = [
    {
      on: course.triageOn,
      time: '10:30',
      by: manager,
      action: {
        do: 'triage',
        input: {
          decision: 'complaint',
          category: story.category,
          housing: story.service === 'Housing' ? 'yes' : 'no',
          statutoryRoute: '',
          reason: '',
          lateAccepted: '',
        },
      },
    },
  ];
  const { stage1, stage2, ask } = course;
  if (stage1)
    actions.push({
      on: course.triageOn,
      time: '10:40',
      by: manager,
      action: { do: 'allocate', handler: stage1.handler },
    });
  if (ask && stage1) {
    const question = 'Please tell us what happened, with any records you hold, so that we can respond';
    actions.push({ on: ask.on, time: '11:05', by: stage1.handler, action: { do: 'ask', ...ask, question } });
    // The service is asked through its head, and any officer named.
    const asked = [heads[story.service] ?? manager, ...ask.officers];
    const account = `My account of what happened is attached to the file. ${capitalised(story.fine)}.`;
    if (ask.answeredOn)
      for (const who of asked)
        actions.push({ on: ask.answeredOn, time: '14:15', by: who, action: { do: 'answer', who, account } });
  }
  if (stage1) actions.push(...stageActions(story, stage1));
  if (course.escalateOn && stage2) {
    const reason = 'The complainant is not satisfied with the stage 1 response';
    actions.push({ on: course.escalateOn, time: '09:35', by: manager, action: { do: 'escalate', reason } });
    actions.push({
      on: course.escalateOn,
      time: '10:00',
      by: manager,
      action: { do: 'allocate', handler: stage2.handler },
    });
    actions.push(...stageActions(story, stage2));
  }
  if (course.closeOn)
    actions.push({ on: course.closeOn, time: '16:00', by: manager, action: { do: 'close' } });
  return actions;
}

// A contact that is not a corporate complaint: refused at triage, with where to go instead.
export function refusalActions(refused: NotAComplaint, triageOn: string): Timed[] {
  return [
    {
      on: triageOn,
      time: '10:20',
      by: manager,
      action: {
        do: 'triage',
        input: {
          decision: refused.decision,
          category: '',
          housing: 'no',
          statutoryRoute: refused.statutoryRoute ?? '',
          reason: refused.reason,
          lateAccepted: '',
        },
      },
    },
  ];
}
