import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const AGENCY_LEVELS = ['central', 'province', 'regency'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

@Entity('agencies')
export class AgencyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') level: AgencyLevel;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
