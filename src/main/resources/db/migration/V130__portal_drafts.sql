-- The applicant portal (/apply): an EOI kept as a draft on the server until it is submitted, who
-- edited it and when, and the colleagues the lead invited to it (london.cofund.portal).
-- The form is kept as typed (JSON text), so that nothing typed is lost, even where it is not yet
-- valid. `version` is the optimistic lock: a save names the version it started from.
create table cf_portal_draft (
  draft_id            varchar(36)  not null primary key,
  round_id            varchar(40)  not null references cf_round (round_id),
  owner_id            varchar(64)  not null,
  title               varchar(400),
  form                varchar      not null, -- JSON, portal.EoiDraftForm
  version             integer      not null,
  proposal_reference  varchar(60),           -- set once submitted
  created_at          timestamp with time zone not null,
  updated_by          varchar(64)  not null,
  updated_at          timestamp with time zone not null
);

create index cf_portal_draft_owner on cf_portal_draft (owner_id);

-- One row per saved version: who saved it and when.
create table cf_portal_draft_edit (
  draft_id   varchar(36) not null references cf_portal_draft (draft_id),
  version    integer     not null,
  edited_by  varchar(64) not null,
  edited_at  timestamp with time zone not null,
  action     varchar(300) not null --  created, saved, invited <email>, submitted
);

create index cf_portal_draft_edit_draft on cf_portal_draft_edit (draft_id);

-- A colleague invited by email. The invitation's link is mailed to the address; the user who
-- follows it, signed in, becomes the collaborator (user_id). Access goes by that user, never by the
-- email a user's profile claims, which its owner can change. Only a hash of the token is kept.
create table cf_portal_collaborator (
  draft_id     varchar(36)  not null references cf_portal_draft (draft_id),
  email        varchar(254) not null, -- lower case
  may_submit   boolean      not null,
  invited_by   varchar(64)  not null,
  invited_at   timestamp with time zone not null,
  token_hash   varchar(64)  not null,
  user_id      varchar(64),           -- who accepted, once accepted
  accepted_at  timestamp with time zone,
  primary key (draft_id, email),
  constraint uq_cf_portal_collaborator_token unique (token_hash)
);

create index cf_portal_collaborator_user on cf_portal_collaborator (user_id);

-- Self-registration (/apply/register): the Camunda user is created only when the mailed link is
-- followed. Only a SHA-256 hash of the link's token is kept.
create table cf_portal_registration (
  token_hash    varchar(64)  not null primary key,
  user_id       varchar(64)  not null,
  first_name    varchar(400) not null,
  last_name     varchar(400) not null,
  email         varchar(254) not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null,
  confirmed_at  timestamp with time zone
);

create index cf_portal_registration_user on cf_portal_registration (user_id);
