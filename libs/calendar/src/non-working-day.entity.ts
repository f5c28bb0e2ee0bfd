import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An admin's change to the working calendar: an added non-working day, or an official one switched off. */
@Entity('non_working_days')
export class NonWorkingDayEntity {
  @PrimaryColumn('date') date: string;
  @Column('text') name: string;
  @Column('boolean') removed: boolean;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
