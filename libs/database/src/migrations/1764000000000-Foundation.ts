import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('central', 'province', 'regency')),
        region_code text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE officials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        position text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        email text NOT NULL,
        region_code text,
        supervisor_id uuid REFERENCES officials(id),
        locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
        is_leadership boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX officials_agency_idx ON officials (agency_id);
      CREATE INDEX officials_region_idx ON officials (region_code);

      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'secretariat', 'leadership', 'official')),
        official_id uuid REFERENCES officials(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('rakor', 'rakornis', 'rakortek', 'other')),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        venue text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('offline', 'online', 'hybrid')),
        online_url text,
        organizer_agency_id uuid NOT NULL REFERENCES agencies(id),
        region_code text,
        summary text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR ends_at >= starts_at)
      );
      CREATE INDEX meetings_starts_idx ON meetings (starts_at);
      CREATE INDEX meetings_region_idx ON meetings (region_code);

      CREATE TABLE meeting_programs (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id),
        PRIMARY KEY (meeting_id, program_id)
      );
      CREATE INDEX meeting_programs_program_idx ON meeting_programs (program_id);

      CREATE TABLE attendees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        official_id uuid NOT NULL REFERENCES officials(id),
        role text NOT NULL CHECK (role IN ('chair', 'opener', 'speaker', 'participant')),
        attendance text NOT NULL CHECK (attendance IN ('in_person', 'online')),
        representing_official_id uuid REFERENCES officials(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, official_id),
        CHECK (representing_official_id IS NULL OR representing_official_id <> official_id)
      );

      CREATE TABLE commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        title text NOT NULL,
        description text,
        owner_official_id uuid NOT NULL REFERENCES officials(id),
        region_code text NOT NULL,
        program_id uuid REFERENCES programs(id),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'blocked', 'done', 'cancelled')),
        indicator_unit text,
        indicator_baseline numeric,
        indicator_target numeric,
        indicator_achieved numeric,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((indicator_unit IS NULL) = (indicator_target IS NULL))
      );
      CREATE INDEX commitments_meeting_idx ON commitments (meeting_id);
      CREATE INDEX commitments_owner_idx ON commitments (owner_official_id);
      CREATE INDEX commitments_region_idx ON commitments (region_code text_pattern_ops);
      CREATE INDEX commitments_program_idx ON commitments (program_id);
      CREATE INDEX commitments_status_due_idx ON commitments (status, due_at);

      -- Commitments of earlier meetings put back on the table at a later one.
      CREATE TABLE meeting_carry_forwards (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        carried_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        PRIMARY KEY (meeting_id, commitment_id)
      );

      -- Domain events: the history of every aggregate and the outbox the worker relays.
      CREATE TABLE domain_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX domain_events_aggregate_idx ON domain_events (aggregate_id, seq);

      -- The admin's changes to the working calendar: added non-working days (cuti bersama, closures),
      -- and official days switched off (removed = true) where the official list is wrong.
      CREATE TABLE non_working_days (
        date date PRIMARY KEY,
        name text NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE non_working_days; DROP TABLE domain_events; DROP TABLE meeting_carry_forwards; DROP TABLE commitments; DROP TABLE attendees;
      DROP TABLE meeting_programs; DROP TABLE meetings; DROP TABLE users; DROP TABLE programs;
      DROP TABLE officials; DROP TABLE agencies; DROP TABLE app_secrets;
    `);
  }
}
