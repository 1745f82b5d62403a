-- Liberty's Jakarta Batch job repository (schema "batch") with indexes on the columns it looks rows up by.
--
-- Liberty creates these tables itself on first use (server.xml: databaseStore createTables="true"), with primary
-- keys only. Its repository then finds a job's executions, parameters, step threads and partitions by foreign key,
-- which without an index is a sequential scan of the whole history: each Guardian run made about ten such scans,
-- so every run got slower as runs piled up (docs/benchmarks.md, Guardian, 2026-11-24).
--
-- The tables are declared here exactly as the Liberty release we build on creates them (read from the catalog of a database Liberty
-- had set up), IF NOT EXISTS: on a database where Liberty already made them nothing changes but the indexes; on
-- a fresh database they exist before Liberty's first look, so the indexes do too. Liberty still creates whatever
-- is missing, so a later Liberty that adds a table keeps working.

CREATE TABLE IF NOT EXISTS batch.jobinstance (
    jobinstanceid   serial       PRIMARY KEY,
    amcname         varchar(512),
    batchstatus     integer      NOT NULL,
    createtime      timestamp    NOT NULL,
    exitstatus      varchar(512),
    instancestate   integer      NOT NULL,
    jobname         varchar(256),
    jobxmlname      varchar(128),
    jobxml          bytea,
    numexecs        integer      NOT NULL,
    restarton       varchar(128),
    submitter       varchar(256),
    updatetime      timestamp
);

CREATE TABLE IF NOT EXISTS batch.jobexecution (
    jobexecid        serial       PRIMARY KEY,
    batchstatus      integer      NOT NULL,
    createtime       timestamp    NOT NULL,
    endtime          timestamp,
    execnum          integer      NOT NULL,
    exitstatus       varchar(512),
    jobparameters    bytea,
    updatetime       timestamp,
    logpath          varchar(512),
    resturl          varchar(512),
    serverid         varchar(256),
    starttime        timestamp,
    fk_jobinstanceid bigint       NOT NULL
        CONSTRAINT fk_jobexecution_fk_jobinstanceid REFERENCES batch.jobinstance (jobinstanceid)
);

CREATE TABLE IF NOT EXISTS batch.jobparameter (
    name         varchar(255),
    value        varchar(255),
    fk_jobexecid bigint
        CONSTRAINT fk_jobparameter_fk_jobexecid REFERENCES batch.jobexecution (jobexecid)
);

CREATE TABLE IF NOT EXISTS batch.groupassociation (
    fk_jobinstanceid bigint
        CONSTRAINT fk_groupassociation_fk_jobinstanceid REFERENCES batch.jobinstance (jobinstanceid),
    groupnames       varchar(255)
);

CREATE TABLE IF NOT EXISTS batch.stepthreadexecution (
    stepexecid           serial       PRIMARY KEY,
    threadtype           varchar(31),
    batchstatus          integer      NOT NULL,
    m_commit             bigint       NOT NULL,
    endtime              timestamp,
    exitstatus           varchar(512),
    m_filter             bigint       NOT NULL,
    internalstatus       integer      NOT NULL,
    partnum              integer      NOT NULL,
    userdata             bytea,
    m_processskip        bigint       NOT NULL,
    m_read               bigint       NOT NULL,
    m_readskip           bigint       NOT NULL,
    m_rollback           bigint       NOT NULL,
    starttime            timestamp,
    stepname             varchar(128) NOT NULL,
    m_write              bigint       NOT NULL,
    m_writeskip          bigint       NOT NULL,
    fk_jobexecid         bigint       NOT NULL
        CONSTRAINT fk_stepthreadexecution_fk_jobexecid REFERENCES batch.jobexecution (jobexecid),
    fk_toplvl_stepexecid bigint
        CONSTRAINT fk_stepthreadexecution_fk_toplvl_stepexecid REFERENCES batch.stepthreadexecution (stepexecid),
    ispartitionedstep    boolean,
    CONSTRAINT unq_stepthreadexecution_0 UNIQUE (fk_jobexecid, stepname, partnum)
);

CREATE TABLE IF NOT EXISTS batch.stepthreadinstance (
    partnum              integer      NOT NULL,
    stepname             varchar(128) NOT NULL,
    threadtype           varchar(31),
    checkpointdata       bytea,
    fk_jobinstanceid     bigint       NOT NULL
        CONSTRAINT fk_stepthreadinstance_fk_jobinstanceid REFERENCES batch.jobinstance (jobinstanceid),
    fk_latest_stepexecid bigint       NOT NULL
        CONSTRAINT fk_stepthreadinstance_fk_latest_stepexecid REFERENCES batch.stepthreadexecution (stepexecid),
    partitioned          boolean,
    partitionplansize    integer,
    startcount           integer,
    PRIMARY KEY (partnum, stepname, fk_jobinstanceid)
);

CREATE TABLE IF NOT EXISTS batch.remotablepartition (
    partnum            integer      NOT NULL,
    stepname           varchar(255) NOT NULL,
    internalstate      integer,
    lastupdated        timestamp,
    logpath            varchar(512),
    resturl            varchar(512),
    serverid           varchar(256),
    fk_jobexecutionid  bigint       NOT NULL
        CONSTRAINT fk_remotablepartition_fk_jobexecutionid REFERENCES batch.jobexecution (jobexecid),
    fk_stepexecutionid bigint
        CONSTRAINT fk_remotablepartition_fk_stepexecutionid REFERENCES batch.stepthreadexecution (stepexecid),
    PRIMARY KEY (partnum, stepname, fk_jobexecutionid)
);

CREATE INDEX IF NOT EXISTS jobexecution_instance_idx ON batch.jobexecution (fk_jobinstanceid);
CREATE INDEX IF NOT EXISTS jobparameter_execution_idx ON batch.jobparameter (fk_jobexecid);
CREATE INDEX IF NOT EXISTS groupassociation_instance_idx ON batch.groupassociation (fk_jobinstanceid);
CREATE INDEX IF NOT EXISTS stepthreadexecution_toplevel_idx ON batch.stepthreadexecution (fk_toplvl_stepexecid);
CREATE INDEX IF NOT EXISTS stepthreadinstance_instance_idx ON batch.stepthreadinstance (fk_jobinstanceid);
CREATE INDEX IF NOT EXISTS stepthreadinstance_latest_idx ON batch.stepthreadinstance (fk_latest_stepexecid);
CREATE INDEX IF NOT EXISTS remotablepartition_execution_idx ON batch.remotablepartition (fk_jobexecutionid);
CREATE INDEX IF NOT EXISTS remotablepartition_step_idx ON batch.remotablepartition (fk_stepexecutionid);
