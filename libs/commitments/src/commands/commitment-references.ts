import { EntityManager } from 'typeorm';
import { OfficialEntity, ProgramEntity, RegionDirectory } from '@tl/directory';
import { NotFoundError } from '@tl/domain';

/** Checks the ids and codes a commitment points at; each failure names its field. */
export async function assertCommitmentReferences(
  em: EntityManager,
  regions: RegionDirectory,
  refs: { ownerOfficialId?: string; programId?: string | null; regionCode?: string },
): Promise<void> {
  if (refs.regionCode !== undefined) regions.assertExists(refs.regionCode);
  if (refs.ownerOfficialId && !(await em.existsBy(OfficialEntity, { id: refs.ownerOfficialId }))) {
    throw new NotFoundError('official', refs.ownerOfficialId, 'ownerOfficialId');
  }
  if (refs.programId && !(await em.existsBy(ProgramEntity, { id: refs.programId }))) {
    throw new NotFoundError('program', refs.programId, 'programId');
  }
}
