-- Several web nodes run the e-mail sender: a node claims the messages it is about to send, so no message goes out
-- twice; a claim older than the claim timeout is taken over (the node died while sending). A failed message waits
-- until next_attempt_at before it is tried again.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_at TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMPTZ;
