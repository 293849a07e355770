-- Accounts (ASP.NET Core Identity on Dapper), and what people write and receive during a consultation.
-- The users and follows tables of 001 were never written to, so they are replaced rather than altered.
DROP TABLE follows;
DROP TABLE users;

CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL,
    normalized_email    TEXT NOT NULL UNIQUE,
    email_confirmed     INTEGER NOT NULL DEFAULT 0,
    password_hash       TEXT,
    security_stamp      TEXT NOT NULL,
    concurrency_stamp   TEXT NOT NULL,
    phone               TEXT,
    display_name        TEXT NOT NULL,
    respondent_type     TEXT NOT NULL,
    organization        TEXT,
    tax_code            TEXT,
    agency              TEXT REFERENCES agencies (code),
    lockout_end         TEXT,
    lockout_enabled     INTEGER NOT NULL DEFAULT 1,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE follows (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, entity, entity_id)
);
CREATE INDEX ix_follows_entity ON follows (entity, entity_id);

-- Comments written on the portal know their author's account; imported ones do not.
ALTER TABLE comments ADD COLUMN author_user_id TEXT REFERENCES users (id);
ALTER TABLE comments ADD COLUMN edited_at TEXT;
ALTER TABLE comments ADD COLUMN hidden_by TEXT;
ALTER TABLE comments ADD COLUMN hidden_at TEXT;
CREATE INDEX ix_comments_author ON comments (author_user_id);

CREATE TABLE comment_flags (
    comment_id TEXT NOT NULL REFERENCES comments (id),
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

-- Attachments live in the database so that every web node can serve them.
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    comment_id   TEXT NOT NULL REFERENCES comments (id),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    content      BLOB NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX ix_attachments_comment ON attachments (comment_id);

ALTER TABLE proposals ADD COLUMN implementing_document_id TEXT REFERENCES documents (id);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    title      TEXT NOT NULL,
    url        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);

-- E-mail waiting to be sent by the background worker (only when SMTP is configured).
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX ix_outbox_pending ON outbox (sent_at, id);

-- ASP.NET Core data-protection keys, shared by every web node so cookies and antiforgery tokens work on all.
CREATE TABLE data_protection_keys (
    friendly_name TEXT PRIMARY KEY,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
