import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { declarationApi } from './api.ts';
import { campaignRoutes } from './campaign-routes.ts';
import type { CampaignsService } from './campaigns.ts';
import { declareRoutes } from './declare-routes.ts';
import type { ConflictLookup } from './lookup.ts';
import { lookupRoutes } from './lookup-routes.ts';
import type { InterestPublication } from './publication.ts';
import { publicationRoutes } from './publication-routes.ts';
import { registerRoutes } from './register-routes.ts';
import { returnRoutes } from './return-routes.ts';
import type { RelatedPartyReturns } from './returns.ts';
import { reviewRoutes } from './review-routes.ts';
import type { DeclarationsService } from './service.ts';

export type InterestsRouteDeps = {
  declarations: DeclarationsService;
  campaigns: CampaignsService;
  lookup: ConflictLookup;
  returns: RelatedPartyReturns;
  publication: InterestPublication;
  clock: Clock;
};

export function interestsRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  declareRoutes(app, deps);
  registerRoutes(app, deps);
  reviewRoutes(app, deps);
  campaignRoutes(app, deps);
  lookupRoutes(app, deps);
  returnRoutes(app, deps);
  publicationRoutes(app, deps);
  declarationApi(app, deps);
}
