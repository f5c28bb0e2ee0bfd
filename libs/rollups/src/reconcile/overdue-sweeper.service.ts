import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { scopesOf } from '@tl/domain';
import { RollupProjector } from '../projection/rollup-projector.service';

/**
 * Overdue changes with the clock, not with events: on a short interval, recomputes the rows of
 * commitments whose due time fell since the last sweep. The high-water mark lives in PostgreSQL,
 * so a sweep after a pause (worker down) covers the whole gap.
 */
@Injectable()
export class OverdueSweeper {
  private readonly logger = new Logger(OverdueSweeper.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly projector: RollupProjector) {}

  async sweep(): Promise<{ rows: number; from: Date; to: Date }> {
    const [{ now, last }]: Array<{ now: Date; last: Date }> = await this.dataSource.query(
      `SELECT clock_timestamp() AS now, coalesce((SELECT at FROM rollup_state WHERE name = 'overdue_swept_to'), clock_timestamp()) AS last`,
    );
    const places: Array<{ regionCode: string; programId: string | null }> = await this.dataSource.query(
      `SELECT DISTINCT region_code AS "regionCode", program_id AS "programId" FROM commitments
        WHERE status IN ('open', 'in_progress', 'blocked') AND due_at > $1 AND due_at <= $2`,
      [last, now],
    );
    const scopes = scopesOf(places);
    await this.projector.refresh(scopes);
    await this.dataSource.query(
      `INSERT INTO rollup_state (name, at) VALUES ('overdue_swept_to', $1) ON CONFLICT (name) DO UPDATE SET at = greatest(rollup_state.at, EXCLUDED.at)`,
      [now],
    );
    if (scopes.length) this.logger.debug?.(`overdue sweep: ${scopes.length} rows recomputed for due times up to ${now.toISOString()}`);
    return { rows: scopes.length, from: last, to: now };
  }
}
