import type { ColumnType } from 'kysely';

// Column types the owners' row types share. Timestamps read back as Date; calendar days as
// 'YYYY-MM-DD' strings; int8 as number (see connection.ts).
export type CreatedAt = ColumnType<Date, Date | undefined, never>;
export type Json = ColumnType<unknown, string | null, never>;
