-- The five decision points of the seed, as a round passes them: the prospectus, the market
-- development sessions, EOI feedback, the funding decision and tranche 2 (round.DecisionPoint).
-- One row per point and round, written in the transaction that passes the point.
create table cf_decision_point (
  round_id    varchar(40)  not null references cf_round (round_id),
  point       varchar(30)  not null,
  reached_at  timestamp with time zone not null,
  primary key (round_id, point)
);

-- Which short-listed priorities a bid addresses (its latest version), so that the dashboard's
-- funnel can filter by priority in SQL. cf_proposal_borough does the same for boroughs.
create table cf_proposal_priority (
  reference      varchar(60) not null references cf_proposal (reference),
  priority_code  varchar(40) not null,
  primary key (reference, priority_code)
);

create index cf_proposal_priority_code on cf_proposal_priority (priority_code);
