import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OfficialEntity } from '@tl/directory';

export const ATTENDEE_ROLES = ['chair', 'opener', 'speaker', 'participant'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDANCES = ['in_person', 'online'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

@Entity('attendees')
export class AttendeeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'meeting_id' }) meetingId: string;
  @Column('uuid', { name: 'official_id' }) officialId: string;
  @ManyToOne(() => OfficialEntity) @JoinColumn({ name: 'official_id' }) official?: OfficialEntity;
  @Column('text') role: AttendeeRole;
  @Column('text') attendance: Attendance;
  /** "Plt. Sekda attends representing the Governor": the official this attendee stands in for. */
  @Column('uuid', { name: 'representing_official_id', nullable: true }) representingOfficialId: string | null;
  @ManyToOne(() => OfficialEntity) @JoinColumn({ name: 'representing_official_id' }) representingOfficial?: OfficialEntity | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
