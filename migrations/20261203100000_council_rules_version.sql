-- A council's working rules (its policy settings, its bank-holiday division and its calendar
-- overrides) carry a version that moves with every change to any of them, whoever makes it. The
-- session lookup reads it with the council's name, so a busy page can keep the rules it parsed and
-- know for certain, without another round trip, whether they are still the council's.
alter table council add column rules_version bigint not null default 0;

create function council_rules_changed() returns trigger language plpgsql as $$
begin
  update council set rules_version = rules_version + 1
    where council_id = coalesce(new.council_id, old.council_id);
  return null;
end $$;

create trigger council_policy_rules_version after insert or update or delete on council_policy
  for each row execute function council_rules_changed();
create trigger calendar_override_rules_version after insert or update or delete on calendar_override
  for each row execute function council_rules_changed();

create function council_division_changed() returns trigger language plpgsql as $$
begin
  new.rules_version := old.rules_version + 1;
  return new;
end $$;

create trigger council_division_rules_version before update of division on council
  for each row when (old.division is distinct from new.division)
  execute function council_division_changed();
