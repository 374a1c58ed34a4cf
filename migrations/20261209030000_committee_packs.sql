-- Committee packs: the standards and audit committees' reports for a period, assembled from every
-- module's figures and kept as assembled (the figures are a snapshot, so that a pack a committee
-- was sent does not change later).
create table committee_pack (
  council_id uuid not null references council,
  id uuid not null,
  committee text not null check (committee in ('standards', 'audit')),
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  figures jsonb not null,
  assembled_by uuid not null,
  assembled_by_name text not null,
  assembled_at timestamptz not null,
  published_at timestamptz,
  published_by_name text,
  primary key (council_id, id),
  foreign key (council_id, assembled_by) references person
);

create index committee_pack_recent on committee_pack (council_id, committee, assembled_at desc);

-- The items of a pack: each section assembled from the figures, and any item the monitoring
-- officer adds. An item holding exempt information (Local Government Act 1972, Schedule 12A,
-- Part 1) carries its paragraph; it is left out of the public version.
create table committee_pack_item (
  council_id uuid not null,
  pack_id uuid not null,
  key text not null,
  position integer not null,
  heading text not null check (length(heading) between 1 and 200),
  body text not null default '' check (length(body) <= 10000),
  exempt_paragraph smallint check (exempt_paragraph between 1 and 7),
  exempt_reason text not null default '' check (length(exempt_reason) <= 1000),
  -- 'rule' when a rule marked it, else the person who did.
  exempt_marked_by text,
  primary key (council_id, pack_id, key),
  foreign key (council_id, pack_id) references committee_pack
);

-- Which committee members have opened each published pack: their home page lists the packs they
-- have yet to read.
create table committee_pack_reader (
  council_id uuid not null,
  pack_id uuid not null,
  person_id uuid not null,
  first_read_at timestamptz not null,
  primary key (council_id, pack_id, person_id),
  foreign key (council_id, pack_id) references committee_pack,
  foreign key (council_id, person_id) references person
);

-- A published pack is what the committee was sent: its figures, items and marks never change.
create function committee_pack_published_is_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.published_at is null then
    if new.figures is distinct from old.figures then
      raise exception 'a pack''s figures cannot be changed';
    end if;
    return new;
  end if;
  raise exception 'a published committee pack cannot be changed or removed';
end
$$;
create trigger committee_pack_final before update or delete on committee_pack
  for each row execute function committee_pack_published_is_final();

create function committee_pack_item_published_is_final() returns trigger language plpgsql as $$
begin
  if exists (select 1 from committee_pack p
             where p.council_id = old.council_id and p.id = old.pack_id and p.published_at is not null) then
    raise exception 'the items of a published committee pack cannot be changed or removed';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger committee_pack_item_final before update or delete on committee_pack_item
  for each row execute function committee_pack_item_published_is_final();
