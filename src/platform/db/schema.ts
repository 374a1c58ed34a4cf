import type { ComplaintsTables } from '../../modules/complaints/tables.ts';
import type { ConcernsTables } from '../../modules/concerns/tables.ts';
import type { ConductTables } from '../../modules/conduct/tables.ts';
import type { CustomersTables } from '../../modules/customers/tables.ts';
import type { EnforcementTables } from '../../modules/enforcement/tables.ts';
import type { GiftsTables } from '../../modules/gifts/tables.ts';
import type { InterestsTables } from '../../modules/interests/tables.ts';
import type { LettersTables } from '../../modules/letters/tables.ts';
import type { OrganisationTables } from '../../modules/organisation/tables.ts';
import type { PlacesTables } from '../../modules/places/tables.ts';
import type { PlanningTables } from '../../modules/planning/tables.ts';
import type { ReportsTables } from '../../modules/reports/tables.ts';
import type { VisitsTables } from '../../modules/visits/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { AuthTables } from '../auth/tables.ts';
import type { NotifyTables } from '../notify/tables.ts';
import type { WebhooksTables } from '../webhooks/tables.ts';

// Every table, as Kysely sees them. Each owner declares its own in its `tables.ts`; only the owner
// reads or writes them (test/architecture/boundaries.test.ts), and the row types are held to the
// migrations by test/integration/row-types.test.ts.
export interface Database
  extends OrganisationTables,
    AuthTables,
    AuditTables,
    NotifyTables,
    GiftsTables,
    InterestsTables,
    ComplaintsTables,
    LettersTables,
    CustomersTables,
    VisitsTables,
    PlacesTables,
    PlanningTables,
    EnforcementTables,
    ReportsTables,
    ConductTables,
    ConcernsTables,
    WebhooksTables {}
