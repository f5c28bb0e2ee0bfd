import { Foundation1764000000000 } from './1764000000000-Foundation';
import { EventPipelineAndReminders1764000000001 } from './1764000000001-EventPipelineAndReminders';
import { Rollups1764000000002 } from './1764000000002-Rollups';

/** Every migration, oldest first. */
export const MIGRATIONS = [Foundation1764000000000, EventPipelineAndReminders1764000000001, Rollups1764000000002];
