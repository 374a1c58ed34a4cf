-- A reminder to the complaints manager that a customer's category or restrictions are due for
-- review (003 vexatious procedure §4.6), sent once per review date whichever process runs the job.
create table behaviour_review_reminder (
  council_id uuid not null,
  customer_id uuid not null,
  due_on date not null,
  sent_at timestamptz not null,
  primary key (council_id, customer_id, due_on),
  foreign key (council_id, customer_id) references customer
);
