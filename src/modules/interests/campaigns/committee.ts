import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import * as repo from './repository.ts';

// Declarations completion for a committee pack (002 Monitoring and Reporting): each campaign due in
// the period, how many were asked and how many have answered.
export type DeclarationsCommitteeSummary = {
  campaigns: { name: string; dueOn: string; closed: boolean; members: number; responded: number }[];
  members: number;
  responded: number;
};

export async function committeeSummary(
  db: Kysely<Database>,
  councilId: string,
  period: { from: string; to: string },
): Promise<DeclarationsCommitteeSummary> {
  const campaigns = (await repo.listCampaigns(db, councilId))
    .filter((campaign) => campaign.dueOn >= period.from && campaign.dueOn <= period.to)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name))
    .map((campaign) => ({
      name: campaign.name,
      dueOn: campaign.dueOn,
      closed: campaign.closedAt !== null,
      members: campaign.members,
      responded: campaign.responded,
    }));
  return {
    campaigns,
    members: campaigns.reduce((sum, campaign) => sum + campaign.members, 0),
    responded: campaigns.reduce((sum, campaign) => sum + campaign.responded, 0),
  };
}
