-- A person's mobile number, for text messages such as safety alerts; empty when not known.
alter table person add column mobile text not null default '' check (length(mobile) <= 40);
