import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rollups1764000000002 implements MigrationInterface {
  name = 'Rollups1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Read models of the roll-ups, kept by the worker from the domain events and recomputed from
      -- the commitments table for the rows an event touches. scope_key: '62' (province), '62.71'
      -- (regency), a program id (program) or '62:<program id>' (province_program).
      CREATE TABLE rollup_rows (
        scope_kind text NOT NULL CHECK (scope_kind IN ('province', 'regency', 'program', 'province_program')),
        scope_key text NOT NULL,
        region_code text,
        program_id uuid,
        total integer NOT NULL,
        open integer NOT NULL,
        in_progress integer NOT NULL,
        blocked integer NOT NULL,
        done integer NOT NULL,
        cancelled integer NOT NULL,
        overdue integer NOT NULL,
        indicators jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope_kind, scope_key)
      );
      CREATE INDEX rollup_rows_region_idx ON rollup_rows (scope_kind, region_code text_pattern_ops);
      CREATE INDEX rollup_rows_program_idx ON rollup_rows (program_id, scope_kind);

      -- Daily snapshots of every row (the trend's data). A day listed in rollup_snapshot_days without
      -- a row for some scope means that scope had nothing that day.
      CREATE TABLE rollup_snapshot_days (
        day date PRIMARY KEY,
        taken_at timestamptz NOT NULL
      );
      CREATE TABLE rollup_snapshots (
        day date NOT NULL REFERENCES rollup_snapshot_days(day) ON DELETE CASCADE,
        scope_kind text NOT NULL,
        scope_key text NOT NULL,
        region_code text,
        program_id uuid,
        total integer NOT NULL,
        open integer NOT NULL,
        in_progress integer NOT NULL,
        blocked integer NOT NULL,
        done integer NOT NULL,
        cancelled integer NOT NULL,
        overdue integer NOT NULL,
        indicators jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (scope_kind, scope_key, day)
      );

      -- High-water marks of the roll-up jobs. The overdue sweep recomputes the rows of commitments
      -- whose due time fell after overdue_swept_to; starting it now covers every row built later.
      CREATE TABLE rollup_state (
        name text PRIMARY KEY,
        at timestamptz NOT NULL
      );
      INSERT INTO rollup_state (name, at) VALUES ('overdue_swept_to', now());

      -- Every full reconciliation and the drift it found and repaired (the drift metric).
      CREATE TABLE rollup_rebuilds (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reason text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        rows_checked integer NOT NULL,
        drift_rows integer NOT NULL,
        drift jsonb NOT NULL DEFAULT '[]',
        snapshot_day date
      );

      -- One weekly digest per leadership official and local week; claimed before sending, so a
      -- restart or a second worker never sends it twice.
      CREATE TABLE digest_sends (
        official_id uuid NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
        week_start date NOT NULL,
        status text NOT NULL CHECK (status IN ('sending', 'sent')),
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        recipient text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        message_id text,
        PRIMARY KEY (official_id, week_start)
      );

      -- The digest's "what changed" reads events by type and time.
      CREATE INDEX domain_events_type_time_idx ON domain_events (type, occurred_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX domain_events_type_time_idx;
      DROP TABLE digest_sends; DROP TABLE rollup_rebuilds; DROP TABLE rollup_state;
      DROP TABLE rollup_snapshots; DROP TABLE rollup_snapshot_days; DROP TABLE rollup_rows;
    `);
  }
}
