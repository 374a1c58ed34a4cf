import type { Generated } from 'kysely';
import type { Json } from '../db/columns.ts';

// The tables platform/webhooks owns, as Kysely sees them. No module or other platform area names them.
export type DeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface WebhookEndpointTable {
  council_id: string;
  id: string;
  url: string;
  description: Generated<string>;
  events: string[];
  secret: string;
  // Counts the secret's replacements: a page replaces the one it showed, and no other.
  secret_version: Generated<number>;
  enabled: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface WebhookEventTable {
  council_id: string;
  id: string;
  type: string;
  occurred_at: Date;
  data: Json;
}

export interface WebhookDeliveryTable {
  council_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  round_from: Generated<number>;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

export interface WebhookAttemptTable {
  council_id: string;
  delivery_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface WebhooksTables {
  webhook_endpoint: WebhookEndpointTable;
  webhook_event: WebhookEventTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}
