import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryColumn } from 'typeorm';
import { ProgramEntity } from '@tl/directory';

export const MEETING_KINDS = ['rakor', 'rakornis', 'rakortek', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_MODES = ['offline', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

@Entity('meetings')
export class MeetingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: MeetingKind;
  @Column('text') title: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt: Date | null;
  @Column('text') venue: string;
  @Column('text') mode: MeetingMode;
  @Column('text', { name: 'online_url', nullable: true }) onlineUrl: string | null;
  @Column('uuid', { name: 'organizer_agency_id' }) organizerAgencyId: string;
  /** Null for a national meeting. */
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @Column('text', { nullable: true }) summary: string | null;
  @ManyToMany(() => ProgramEntity)
  @JoinTable({ name: 'meeting_programs', joinColumn: { name: 'meeting_id' }, inverseJoinColumn: { name: 'program_id' } })
  programs?: ProgramEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
