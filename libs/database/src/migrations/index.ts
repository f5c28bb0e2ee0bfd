import { Foundation1764000000000 } from './1764000000000-Foundation';
import { EventPipelineAndReminders1764000000001 } from './1764000000001-EventPipelineAndReminders';

/** Every migration, oldest first. */
export const MIGRATIONS = [Foundation1764000000000, EventPipelineAndReminders1764000000001];
