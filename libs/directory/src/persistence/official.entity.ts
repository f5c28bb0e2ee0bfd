import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

@Entity('officials')
export class OfficialEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') position: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @ManyToOne(() => AgencyEntity) @JoinColumn({ name: 'agency_id' }) agency?: AgencyEntity;
  @Column('text') email: string;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @Column('uuid', { name: 'supervisor_id', nullable: true }) supervisorId: string | null;
  @Column('text') locale: Locale;
  /** Receives the weekly digest for its region (leadership: governors, Sekda, directors). */
  @Column('boolean', { name: 'is_leadership' }) isLeadership: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
