-- Web sessions shared by every node of the cluster (Spring Session JDBC, the prod profile only):
-- a person signed in to Tasklist on one node is signed in on all of them, and stays signed in when
-- a node goes away. The layout is the one spring-session-jdbc reads and writes (its PostgreSQL
-- schema); the session's attributes (the webapps' authentication, their CSRF token) are Java-
-- serialized into attribute_bytes. Expired sessions are deleted by every node, once a minute.
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);
