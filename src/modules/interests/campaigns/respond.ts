import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { fieldErrorsOf, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { responseInput } from './input.ts';
import * as members from './members.ts';
import { existing } from './open.ts';
import * as repo from './repository.ts';
import { type CampaignResponse, responseVerdict } from './rules.ts';

// A member's answer to a campaign: their declarations are complete, or a nil return.

// What a member sees when asked: the campaign, their response so far and their current declarations.
export async function responsePage(deps: ModuleDeps, principal: Principal, id: string) {
  const { db, clock } = deps;
  const campaign = await existing(deps, principal.councilId, id);
  const member = await members.findMember(db, principal.councilId, id, principal.personId);
  if (!member) throw new NotFound('You are not asked to respond to this campaign');
  const declarations = await repo.currentDeclarations(db, principal.councilId, principal.personId);
  return { campaign, member, declarations, today: londonDate(clock.now()) };
}

type Answered = {
  member: members.Member;
  response: CampaignResponse;
  references: string[];
  accountsDeclarationAt: Date | null;
};

const responded = ({ member, response, references, accountsDeclarationAt }: Answered) => ({
  action: 'declaration-campaign.responded',
  recordType: 'declaration-campaign',
  before: member.response ? { response: member.response, respondedAt: member.respondedAt } : undefined,
  after: { response, currentDeclarations: references, accountsDeclaration: accountsDeclarationAt !== null },
});

export async function respond(
  { db, clock }: ModuleDeps,
  principal: Principal,
  id: string,
  value: unknown,
  requestId?: string,
) {
  const parsed = responseInput.safeParse(value);
  if (!parsed.success) throw new InvalidInput(fieldErrorsOf(parsed.error.issues));
  const input = parsed.data;
  const now = clock.now();
  const { councilId, personId } = principal;
  return db.transaction().execute(async (trx) => {
    const campaign = await repo.findCampaign(trx, councilId, id, { share: true });
    const member = await members.findMember(trx, councilId, id, personId, { lock: true });
    if (!campaign || !member) throw new NotFound('You are not asked to respond to this campaign');
    const [current, changed] = await Promise.all([
      repo.currentDeclarations(trx, councilId, personId),
      repo.declaredSince(trx, councilId, personId, campaign.openedAt),
    ]);
    const verdict = responseVerdict({
      choice: input.choice,
      accountsDeclaration: input.accountsDeclaration,
      fieldOfficer: member.fieldOfficer,
      currentDeclarations: current.length,
      changedSinceOpened: changed,
      closed: campaign.closedAt !== null,
      respondedBefore: member.response !== null,
      dueOn: campaign.dueOn,
      today: londonDate(now),
    });
    if (verdict.response === null) throw new InvalidInput(verdict.errors);
    const { response } = verdict;
    const accountsDeclarationAt = member.fieldOfficer ? now : null;
    await members.recordResponse(trx, councilId, id, member, { response, at: now, accountsDeclarationAt });
    const references = current.map((declaration) => declaration.reference);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { ...responded({ member, response, references, accountsDeclarationAt }), recordId: id },
      now,
    );
    return { campaign, member: { ...member, response, respondedAt: now, accountsDeclarationAt } };
  });
}
