import { EntityManager } from 'typeorm';
import { NotFoundError } from '@tl/domain';
import { CommitmentEntity } from '../persistence/commitment.entity';

/** Reads a commitment and locks its row until the transaction ends, so changes apply one at a time. */
export async function loadForUpdate(em: EntityManager, id: string): Promise<CommitmentEntity> {
  const commitment = await em.findOne(CommitmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!commitment) throw new NotFoundError('commitment', id);
  return commitment;
}
