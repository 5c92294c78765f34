-- The working group's comments on MOPAC's draft short list, which MOPAC and the Leaders' Committee
-- read before the prospectus is signed off.
alter table cf_round add column working_group_comments varchar(8000);

-- The formal decision that approved a round's awards (a DMPC decision such as "PCD 310"), recorded
-- by MOPAC before the announcement, and carried by each funded proposal.
alter table cf_round add column decision_reference varchar(120);
alter table cf_proposal add column decision_reference varchar(120);

-- When a borough answered: at the EOI, or as a delivery borough that the full proposal added. A
-- resubmitted full proposal asks its new boroughs again, as a revised EOI asks every borough again.
alter table cf_core_partner_sign_off add column stage varchar(20) default 'EOI' not null;
