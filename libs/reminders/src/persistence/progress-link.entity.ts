import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('progress_links')
export class ProgressLinkEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'commitment_id' }) commitmentId: string;
  @Column('uuid', { name: 'official_id' }) officialId: string;
  @Column('uuid', { name: 'reminder_id', nullable: true }) reminderId: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
