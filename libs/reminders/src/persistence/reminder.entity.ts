import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ReminderKind } from '@tl/domain';

export const REMINDER_STATUSES = ['scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One planned reminder and, once it went out, its delivery record. */
@Entity('reminders')
export class ReminderEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'commitment_id' }) commitmentId: string;
  @Column('text') kind: ReminderKind;
  /** 'H-7', 'H', or the overdue ordinal. */
  @Column('text') label: string;
  /** The due time this reminder was planned for (a reschedule plans anew). */
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('timestamptz', { name: 'scheduled_for' }) scheduledFor: Date;
  @Column('text') status: ReminderStatus;
  @Column('uuid', { name: 'recipient_official_ids', array: true }) recipientOfficialIds: string[];
  @Column('text', { array: true }) recipients: string[];
  /** Reminders with the same key go out together, as one e-mail. */
  @Column('text', { name: 'dispatch_key' }) dispatchKey: string;
  @Column('integer') attempts: number;
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('text', { name: 'message_id', nullable: true }) messageId: string | null;
  @Column('text', { nullable: true }) error: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
