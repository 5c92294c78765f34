-- A lead contact's address gets CoFund's mail only once confirmed (docs/notifications.md,
-- "Unconfirmed addresses"): by being a CoFund user's, or by following the link CoFund mailed to it.
-- One row per address that was asked to confirm (london.cofund.notification.ContactAddresses).
create table cf_contact_address (
  email         varchar(320) not null primary key, -- trimmed, in lower case
  token         varchar(64)  not null unique,      -- the link's secret; it only confirms this address
  requested_at  timestamp with time zone not null,
  confirmed_at  timestamp with time zone
);
