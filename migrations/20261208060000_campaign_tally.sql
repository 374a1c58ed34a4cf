-- A campaign's completion by service, kept as members respond (members.ts), so that the dashboard
-- and the list of campaigns read one row a service instead of counting every member on every
-- view. service_key is the service, or the nil uuid for the members without one, since a primary
-- key cannot hold null.
create table campaign_tally (
  council_id uuid not null,
  campaign_id uuid not null,
  service_key uuid not null,
  service_id uuid,
  service_name text not null,
  members integer not null,
  responded integer not null,
  nil integer not null,
  primary key (council_id, campaign_id, service_key),
  foreign key (council_id, campaign_id) references declaration_campaign,
  check (service_key = coalesce(service_id, '00000000-0000-0000-0000-000000000000'::uuid)),
  check (0 <= nil and nil <= responded and responded <= members and members > 0)
);

insert into campaign_tally (council_id, campaign_id, service_key, service_id, service_name, members, responded, nil)
select council_id, campaign_id, coalesce(service_id, '00000000-0000-0000-0000-000000000000'::uuid), service_id,
  min(service_name), count(*), count(responded_at), count(*) filter (where response = 'nil')
from campaign_member
group by council_id, campaign_id, service_id;
