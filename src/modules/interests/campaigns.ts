import type { InterestsDeps } from './deps.ts';

export type CampaignsService = ReturnType<typeof campaignsService>;

export function campaignsService(_deps: InterestsDeps) {
  return {
    async sendReminders(_councilId: string) {},
  };
}
