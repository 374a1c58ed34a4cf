-- The pages a public service links from every page's footer that each council words for itself:
-- its accessibility statement, its privacy notice and how to contact it. A council with no row for
-- a page shows the default wording, which names the council.
create table council_page (
  council_id uuid not null references council,
  page text not null check (page in ('accessibility', 'privacy', 'contact')),
  body text not null check (length(body) between 1 and 50000),
  updated_at timestamptz not null,
  updated_by uuid not null,
  primary key (council_id, page),
  foreign key (council_id, updated_by) references person
);
