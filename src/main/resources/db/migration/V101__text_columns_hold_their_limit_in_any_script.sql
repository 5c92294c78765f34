-- Text limits are documented in characters as people count them (Unicode code points), and every
-- field must hold its limit in any script. H2 measures VARCHAR(n) in UTF-16 units, where a 4-byte
-- character (an emoji, many CJK extensions) counts twice; PostgreSQL measures in characters. Each
-- column of people's text is therefore twice its documented limit, and text built from several
-- people's fields has no fixed bound. The documented limits themselves are checked by the API and
-- the task forms (see docs/security.md, "Text").
alter table cf_round alter column name set data type varchar(400);
alter table cf_round alter column prospectus_sign_off_comments set data type varchar(8000);
alter table cf_round alter column awards_sign_off_comments set data type varchar(8000);
alter table cf_priority_comment alter column comment set data type varchar(8000);
alter table cf_market_session alter column attending_organisations set data type varchar;
alter table cf_market_session alter column session_notes set data type varchar(16000);
alter table cf_proposal alter column title set data type varchar(400);
alter table cf_proposal alter column lead_agency_name set data type varchar(400);
alter table cf_proposal alter column contact_name set data type varchar(400);
alter table cf_proposal alter column eoi_feedback set data type varchar(8000);
alter table cf_proposal alter column moderation_note set data type varchar(8000);
alter table cf_proposal alter column assessment_summary set data type varchar;
alter table cf_proposal alter column decision_reasons set data type varchar;
alter table cf_core_partner_sign_off alter column comment set data type varchar(8000);
alter table cf_assessment alter column comments set data type varchar(16000);
alter table cf_mail_outbox alter column subject set data type varchar(1000);
