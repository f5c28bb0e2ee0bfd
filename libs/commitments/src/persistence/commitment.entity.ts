import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '@tl/database';
import { OfficialEntity, ProgramEntity } from '@tl/directory';
import type { CommitmentStatus } from '@tl/domain';
import { MeetingEntity } from '@tl/meetings';

@Entity('commitments')
export class CommitmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @ManyToOne(() => MeetingEntity) @JoinColumn({ name: 'meeting_id' }) meeting?: MeetingEntity;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('uuid', { name: 'owner_official_id' }) ownerOfficialId: string;
  @ManyToOne(() => OfficialEntity) @JoinColumn({ name: 'owner_official_id' }) owner?: OfficialEntity;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @ManyToOne(() => ProgramEntity) @JoinColumn({ name: 'program_id' }) program?: ProgramEntity | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') status: CommitmentStatus;
  @Column('text', { name: 'indicator_unit', nullable: true }) indicatorUnit: string | null;
  @Column('numeric', { name: 'indicator_baseline', nullable: true, transformer: numericTransformer }) indicatorBaseline: number | null;
  @Column('numeric', { name: 'indicator_target', nullable: true, transformer: numericTransformer }) indicatorTarget: number | null;
  @Column('numeric', { name: 'indicator_achieved', nullable: true, transformer: numericTransformer }) indicatorAchieved: number | null;
  /** Optimistic concurrency: every change increments it; a PATCH must name the version it read. */
  @Column('integer') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
