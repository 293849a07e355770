-- Records of the interchange format (shared/spec/data-format.md) and the change feed.
CREATE TABLE agencies (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT
);

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    number       TEXT NOT NULL,
    type         TEXT NOT NULL,
    title        TEXT NOT NULL,
    issuer       TEXT NOT NULL REFERENCES agencies (code),
    issued_on    TEXT,
    effective_on TEXT,
    status       TEXT NOT NULL
);
CREATE INDEX ix_documents_issuer ON documents (issuer);

CREATE TABLE regulations (
    id                  TEXT PRIMARY KEY,
    document_id         TEXT NOT NULL REFERENCES documents (id),
    article             TEXT,
    agency              TEXT NOT NULL REFERENCES agencies (code),
    sector              TEXT,
    kind                TEXT NOT NULL,
    title               TEXT NOT NULL,
    content             TEXT NOT NULL,
    status              TEXT NOT NULL,
    compliance_cost_vnd INTEGER,
    updated_at          TEXT
);
CREATE INDEX ix_regulations_document ON regulations (document_id);
CREATE INDEX ix_regulations_agency ON regulations (agency);
CREATE INDEX ix_regulations_sector ON regulations (sector);

CREATE TABLE regulation_business_lines (
    regulation_id TEXT NOT NULL REFERENCES regulations (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    business_line TEXT NOT NULL,
    PRIMARY KEY (regulation_id, ordinal)
);
CREATE INDEX ix_business_lines_name ON regulation_business_lines (business_line);

CREATE TABLE proposals (
    id                      TEXT PRIMARY KEY,
    agency                  TEXT NOT NULL REFERENCES agencies (code),
    title                   TEXT NOT NULL,
    summary                 TEXT NOT NULL,
    status                  TEXT NOT NULL,
    opens_on                TEXT,
    closes_on               TEXT,
    estimated_saving_vnd    INTEGER,
    estimated_saving_days   INTEGER
);
CREATE INDEX ix_proposals_agency ON proposals (agency);

CREATE TABLE proposal_targets (
    proposal_id   TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    regulation_id TEXT NOT NULL REFERENCES regulations (id),
    action        TEXT NOT NULL,
    note          TEXT,
    PRIMARY KEY (proposal_id, ordinal)
);
CREATE INDEX ix_targets_regulation ON proposal_targets (regulation_id);

CREATE TABLE comments (
    id                TEXT PRIMARY KEY,
    proposal_id       TEXT NOT NULL REFERENCES proposals (id),
    parent_id         TEXT REFERENCES comments (id),
    regulation_id     TEXT REFERENCES regulations (id),
    author            TEXT NOT NULL,
    organization      TEXT,
    respondent_type   TEXT NOT NULL,
    stance            TEXT NOT NULL,
    body              TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    response_decision TEXT,
    response_body     TEXT,
    response_by       TEXT,
    response_at       TEXT,
    hidden_reason     TEXT
);
CREATE INDEX ix_comments_proposal ON comments (proposal_id, created_at);
CREATE INDEX ix_comments_parent ON comments (parent_id);

-- The change feed: one row per changed entity, written in the transaction that changed it.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

-- For the consultation and tracking features: people, what they follow, and who did what.
CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    respondent_type TEXT NOT NULL,
    organization    TEXT,
    tax_code        TEXT,
    agency          TEXT REFERENCES agencies (code),
    created_at      TEXT NOT NULL
);

CREATE TABLE follows (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (user_id, entity, entity_id)
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX ix_audit_entity ON audit_log (entity, entity_id);
