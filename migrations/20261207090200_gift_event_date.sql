-- Hospitality is authorised before it takes place (001 §69): the date of the event, so that the
-- approver can see it is still to come. Gifts have none, and entries recorded before have none.
alter table gift_offer add column event_on date;
