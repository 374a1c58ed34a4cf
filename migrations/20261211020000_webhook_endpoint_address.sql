-- One endpoint for an address in a council: a second, made by the same form sent twice at once,
-- would be sent every event again.
create unique index webhook_endpoint_address on webhook_endpoint (council_id, url);

-- Counts an endpoint's secret replacements: a page replaces the secret it showed, so that of two
-- clicks at once the second replaces nothing, and the secret the first showed stays in use.
alter table webhook_endpoint add column secret_version integer not null default 1;
