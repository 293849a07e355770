-- Writing comments on the portal. Each person's row is written (and so locked until commit) by every post they
-- make, so that two posts by one person on two web nodes count each other against the rate limit.
CREATE TABLE comment_throttle (
    user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_post_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_comments_author_time ON comments (author_user_id, created_at);
