import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration, oldest first. */
export const MIGRATIONS = [Foundation1764000000000];
