-- A person's daily email of what is waiting for them: on unless they turn it off, and the London
-- day one was last sent, which the sending process claims so that a day gets one at most.
alter table person add column task_digest boolean not null default true;
alter table person add column task_digest_sent_on date;
