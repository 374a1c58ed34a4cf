import type { Principal } from '../../../platform/auth/principal.ts';
import type { CustomersService } from '../../customers/service.ts';
import type { ComplaintLetters } from '../../letters/service.ts';
import { accountRequestFor, answerAccount, askForAccounts } from './accounts.ts';
import { allocate, handlerChoices } from './allocation.ts';
import type { CaseworkContext, CaseworkDeps } from './context.ts';
import { duplicatePair, keepBoth, mergeDuplicate, possibleDuplicates } from './duplicates.ts';
import { list, people, queue } from './queue.ts';
import { addImprovement, addRemedy, remedyDone } from './remedies.ts';
import { sendReminders } from './reminders.ts';
import * as repo from './repository.ts';
import { close, escalate, extend, recordEscalation, respond } from './stages.ts';
import { triage } from './triage.ts';
import { accessTo, caseSummary, view } from './view.ts';

export type Casework = ReturnType<typeof caseworkService>;

// A use case's arguments after the context it is given.
type Rest<F> = F extends (ctx: CaseworkContext, ...rest: infer R) => unknown ? R : never;

// The casework use cases, each given the same context.
export function caseworkService(
  deps: CaseworkDeps,
  collaborators: { letters: ComplaintLetters; customers: CustomersService },
) {
  const ctx: CaseworkContext = { ...deps, ...collaborators };
  return {
    triage: (...args: Rest<typeof triage>) => triage(ctx, ...args),
    possibleDuplicates: (...args: Rest<typeof possibleDuplicates>) => possibleDuplicates(ctx, ...args),
    duplicatePair: (...args: Rest<typeof duplicatePair>) => duplicatePair(ctx, ...args),
    mergeDuplicate: (...args: Rest<typeof mergeDuplicate>) => mergeDuplicate(ctx, ...args),
    keepBoth: (...args: Rest<typeof keepBoth>) => keepBoth(ctx, ...args),
    allocate: (...args: Rest<typeof allocate>) => allocate(ctx, ...args),
    handlerChoices: (...args: Rest<typeof handlerChoices>) => handlerChoices(ctx, ...args),
    askForAccounts: (...args: Rest<typeof askForAccounts>) => askForAccounts(ctx, ...args),
    answerAccount: (...args: Rest<typeof answerAccount>) => answerAccount(ctx, ...args),
    accountRequestFor: (...args: Rest<typeof accountRequestFor>) => accountRequestFor(ctx, ...args),
    accountRequestsOf: (principal: Principal) =>
      repo.accountRequestsOf(ctx.db, principal.councilId, principal.personId),
    extend: (...args: Rest<typeof extend>) => extend(ctx, ...args),
    respond: (...args: Rest<typeof respond>) => respond(ctx, ...args),
    escalate: (...args: Rest<typeof escalate>) => escalate(ctx, ...args),
    recordEscalation: (...args: Rest<typeof recordEscalation>) => recordEscalation(ctx, ...args),
    close: (...args: Rest<typeof close>) => close(ctx, ...args),
    addRemedy: (...args: Rest<typeof addRemedy>) => addRemedy(ctx, ...args),
    remedyDone: (...args: Rest<typeof remedyDone>) => remedyDone(ctx, ...args),
    addImprovement: (...args: Rest<typeof addImprovement>) => addImprovement(ctx, ...args),
    sendReminders: (...args: Rest<typeof sendReminders>) => sendReminders(ctx, ...args),
    caseSummary: (...args: Rest<typeof caseSummary>) => caseSummary(ctx, ...args),
    accessTo: (...args: Rest<typeof accessTo>) => accessTo(ctx, ...args),
    view: (...args: Rest<typeof view>) => view(ctx, ...args),
    queue: (...args: Rest<typeof queue>) => queue(ctx, ...args),
    list: (...args: Rest<typeof list>) => list(ctx, ...args),
    people: (...args: Rest<typeof people>) => people(ctx, ...args),
    services: (principal: Principal) => ctx.organisation.services(principal.councilId),
  };
}
