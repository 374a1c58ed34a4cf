-- The council's gazetteer: its addresses with their UPRN and position, imported from an export of
-- its Local Land and Property Gazetteer (LLPG), so that the route planner can place each visit and
-- time the journeys between them (DOMAIN.md §5 Planning).

-- Each import of a file: what it held and what it changed.
create table gazetteer_import (
  council_id uuid not null references council,
  id uuid not null,
  -- SHA-256 of the file as sent, in hex.
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  row_count integer not null check (row_count >= 0),
  added integer not null check (added >= 0),
  changed integer not null check (changed >= 0),
  unchanged integer not null check (unchanged >= 0),
  -- Who imported it; null for the system (the demo council's seeding).
  imported_by uuid,
  imported_at timestamptz not null,
  primary key (council_id, id),
  foreign key (council_id, imported_by) references person,
  check (added + changed + unchanged = row_count)
);
create index gazetteer_import_latest on gazetteer_import (council_id, imported_at desc);

-- One address per UPRN. The search key is the address as the matching rules compare it
-- (places/gazetteer/rules.ts); positions are WGS84, with the National Grid reference when the file
-- gave one.
create table gazetteer_address (
  council_id uuid not null references council,
  uprn text not null check (uprn ~ '^[0-9]{1,12}$'),
  address text not null check (length(address) between 1 and 500),
  postcode text not null check (length(postcode) between 5 and 8),
  search_key text not null check (length(search_key) <= 500),
  latitude double precision not null check (latitude between 49.8 and 60.9),
  longitude double precision not null check (longitude between -8.7 and 1.8),
  easting double precision,
  northing double precision,
  -- The import that last added or changed it.
  import_id uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (council_id, uprn),
  foreign key (council_id, import_id) references gazetteer_import,
  check ((easting is null) = (northing is null))
);
create index gazetteer_address_postcode on gazetteer_address (council_id, postcode);
