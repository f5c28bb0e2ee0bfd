import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventPipelineAndReminders1764000000001 implements MigrationInterface {
  name = 'EventPipelineAndReminders1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The writing transaction's id lets the relay wait for every older transaction to finish, so an
      -- event that commits late is never skipped; published_at marks what has reached the queues.
      ALTER TABLE domain_events
        ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN published_at timestamptz;
      CREATE INDEX domain_events_unpublished_idx ON domain_events (seq) WHERE published_at IS NULL;

      -- The reminder plan and delivery log. Redis only holds the timers; this table is the truth.
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('before', 'due', 'overdue', 'escalation')),
        label text NOT NULL,
        due_at timestamptz NOT NULL,
        scheduled_for timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sending', 'sent', 'failed', 'cancelled')),
        recipient_official_ids uuid[] NOT NULL,
        recipients text[] NOT NULL,
        dispatch_key text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        sent_at timestamptz,
        message_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reminders_commitment_idx ON reminders (commitment_id, scheduled_for);
      CREATE INDEX reminders_pending_idx ON reminders (scheduled_for) WHERE status IN ('scheduled', 'sending');
      CREATE INDEX reminders_dispatch_idx ON reminders (dispatch_key) WHERE status IN ('scheduled', 'sending');

      -- Single-use links in e-mails that let an official report progress without logging in.
      CREATE TABLE progress_links (
        id uuid PRIMARY KEY,
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        official_id uuid NOT NULL REFERENCES officials(id),
        reminder_id uuid REFERENCES reminders(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE progress_links; DROP TABLE reminders;
      DROP INDEX domain_events_unpublished_idx;
      ALTER TABLE domain_events DROP COLUMN published_at, DROP COLUMN txid;
    `);
  }
}
