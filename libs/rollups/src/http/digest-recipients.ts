import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, NotFoundError } from '@tl/domain';

@Injectable()
export class DigestRecipients {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every id is an official marked as leadership (404 for an unknown one, 422 for one who is not). */
  async assertLeadership(ids: string[]): Promise<void> {
    const rows: Array<{ id: string; is_leadership: boolean }> = await this.dataSource.query('SELECT id, is_leadership FROM officials WHERE id = ANY($1::uuid[])', [ids]);
    for (const id of ids) {
      const official = rows.find((r) => r.id === id);
      if (!official) throw new NotFoundError('official', id, 'officialIds');
      if (!official.is_leadership) {
        throw new DomainError('unprocessable', 'DIGEST.NOT_LEADERSHIP', `officialIds: official ${id} is not marked as leadership (leadership: true) and receives no digest`);
      }
    }
  }
}
