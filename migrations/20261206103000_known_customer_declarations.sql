-- A declaration of a relative, friend or someone else the officer knows who is a council customer
-- (000 General rules: no visit to a relative or friend; Additional rules: no dealing with the
-- accounts of family, friends or anyone known to them), so that a visit to them is recognised.
alter table declaration drop constraint declaration_kind_check;
alter table declaration add constraint declaration_kind_check check (kind in (
  'financial-interest', 'business-interest', 'non-financial-interest', 'membership',
  'councillor-relationship', 'contractor-relationship', 'close-associate', 'secondary-employment',
  'position-of-influence', 'planning-application', 'legacy-or-prize', 'criminal-matter',
  'known-customer'
));
