-- Single sign-on with a council's OpenID Connect provider. The client secret is never stored:
-- the row names the environment variable or the file that holds it.
create table sign_in_provider (
  council_id uuid primary key references council,
  display_name text not null check (length(display_name) between 1 and 100),
  issuer text not null check (issuer ~ '^https?://'),
  client_id text not null check (length(client_id) between 1 and 300),
  secret_source text not null check (secret_source in ('env', 'file')),
  secret_ref text not null check (length(secret_ref) between 1 and 500),
  allowed_domains text not null,
  password_sign_in boolean not null,
  updated_at timestamptz not null
);

-- A person's account at their council's provider: the provider's stable subject, linked on the
-- first sign-in by a verified email address.
create table person_identity (
  council_id uuid not null,
  issuer text not null,
  subject text not null,
  person_id uuid not null,
  linked_at timestamptz not null,
  primary key (council_id, issuer, subject),
  unique (council_id, person_id, issuer),
  foreign key (council_id, person_id) references person
);
