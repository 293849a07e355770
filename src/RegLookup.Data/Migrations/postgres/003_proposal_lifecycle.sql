-- A drafter writes why the proposal cuts what it cuts apart from the summary that opens it (Markdown, optional).
ALTER TABLE proposals ADD COLUMN rationale TEXT;
