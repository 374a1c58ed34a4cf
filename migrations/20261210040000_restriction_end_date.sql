-- A contact restriction's own end date (003 vexatious procedure §5.2: restrictions are for a set
-- period where one is decided): the day from which it no longer applies, or null for one that
-- lasts until a review lifts it. It ends after it starts, and it is reviewed before it ends.
-- ended_on stays the day it was ended early, at a review.
alter table contact_restriction add column ends_on date;
alter table contact_restriction add constraint contact_restriction_ends_after_start
  check (ends_on is null or (ends_on > starts_on and review_on < ends_on));
