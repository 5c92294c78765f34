-- CoFund's own tables. Camunda keeps process state in its ACT_* tables; these hold the fund's
-- records, which the processes refer to by id (round id, proposal reference).
-- Portable SQL: runs unchanged on H2 (the default run, tests) and PostgreSQL (production).
-- JSON documents are stored as text; queryable facts have columns of their own.

create table cf_round (
  round_id                    varchar(40)   not null primary key,
  name                        varchar(200)  not null,
  tranche                     integer       not null,
  pot_amount                  bigint        not null,
  min_projects                integer       not null,
  max_projects                integer       not null,
  assessors_per_proposal      integer       not null,
  fundable_threshold          numeric(5, 2) not null,
  priority_long_list          varchar       not null, -- JSON [{code, title}]
  shortlist                   varchar,               -- JSON [code]
  consultation_deadline       timestamp with time zone not null,
  eoi_deadline                timestamp with time zone not null,
  full_proposal_deadline      timestamp with time zone not null,
  decision_date               timestamp with time zone not null,
  service_start_date          timestamp with time zone not null,
  stage                       varchar(40)   not null,
  previous_round_id           varchar(40),
  prospectus_sign_off_comments varchar(4000),
  published_at                timestamp with time zone,
  recommended_portfolio       varchar,               -- JSON, see PortfolioOptimizer
  decision                    varchar,               -- JSON {funded, deferred, rationale, departsFromRecommendation}
  awards_sign_off_comments    varchar(4000),
  carried_forward_priorities  varchar,               -- JSON [{code, title}]
  announced_at                timestamp with time zone,
  proposal_sequence           integer       not null default 0,
  created_by                  varchar(64)   not null,
  created_at                  timestamp with time zone not null
);

create table cf_priority_comment (
  round_id      varchar(40)   not null references cf_round (round_id),
  borough_code  varchar(9)    not null,
  comment       varchar(4000) not null,
  commented_by  varchar(64)   not null,
  commented_at  timestamp with time zone not null,
  primary key (round_id, borough_code)
);

create table cf_market_session (
  round_id                 varchar(40)   not null references cf_round (round_id),
  priority_code            varchar(40)   not null,
  session_date             timestamp with time zone not null,
  attending_organisations  varchar(4000) not null, -- JSON [name]
  session_notes            varchar(8000),
  recorded_by              varchar(64)   not null,
  recorded_at              timestamp with time zone not null,
  primary key (round_id, priority_code)
);

create table cf_proposal (
  reference             varchar(60)   not null primary key,
  round_id              varchar(40)   not null references cf_round (round_id),
  title                 varchar(200)  not null,
  status                varchar(40)   not null,
  scope                 varchar(20)   not null,
  submitted_by          varchar(64)   not null,
  lead_agency_name      varchar(200)  not null,
  contact_name          varchar(200),
  contact_email         varchar(254),
  requested_amount      bigint        not null,
  eoi_version           integer       not null,
  eoi                   varchar       not null, -- JSON, the latest EOI as submitted
  full_proposal         varchar,                -- JSON, the latest full proposal
  eligible              boolean,
  criteria              varchar,                -- JSON [{code, passed, reason}], the latest screening
  eoi_outcome           varchar(30),
  eoi_feedback          varchar(4000),
  total_score           numeric(5, 2),
  moderation_required   boolean,
  moderated_total       numeric(5, 2),
  moderation_note       varchar(4000),
  assessment_summary    varchar(8000), -- per-criterion means and assessors' comments, for decision emails
  funding_outcome       varchar(20),
  awarded_amount        bigint,
  decision_reasons      varchar(4000),
  grant_agreement_date  date,
  process_instance_id   varchar(64),
  created_at            timestamp with time zone not null,
  updated_at            timestamp with time zone not null
);

create index cf_proposal_round on cf_proposal (round_id, status);
create index cf_proposal_submitter on cf_proposal (submitted_by);

-- Where a proposal is delivered: borough officers see the proposals of their borough.
create table cf_proposal_borough (
  reference     varchar(60) not null references cf_proposal (reference),
  borough_code  varchar(9)  not null,
  primary key (reference, borough_code)
);

create index cf_proposal_borough_code on cf_proposal_borough (borough_code);

-- A borough's (or the Leaders' Committee's) answer to "are you a core supporting partner?", per EOI
-- version: a revised EOI asks again.
create table cf_core_partner_sign_off (
  reference     varchar(60)   not null references cf_proposal (reference),
  eoi_version   integer       not null,
  group_id      varchar(64)   not null,
  borough_code  varchar(9),
  confirmed     boolean       not null,
  comment       varchar(4000),
  decided_by    varchar(64)   not null,
  decided_at    timestamp with time zone not null,
  primary key (reference, eoi_version, group_id)
);

-- One assessor's assessment of one proposal. The primary key is the rule that one person cannot
-- assess the same proposal twice (a declared conflict counts: that person is out).
create table cf_assessment (
  reference               varchar(60)   not null references cf_proposal (reference),
  assessor                varchar(64)   not null,
  slot                    integer       not null,
  conflict_of_interest    boolean       not null,
  score_strategic_fit     integer,
  score_need              integer,
  score_partnership       integer,
  score_deliverability    integer,
  score_value_for_money   integer,
  comments                varchar(8000),
  submitted_at            timestamp with time zone not null,
  primary key (reference, assessor)
);

