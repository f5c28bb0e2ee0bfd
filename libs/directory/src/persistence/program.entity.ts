import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('programs')
export class ProgramEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
