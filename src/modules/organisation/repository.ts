// Modules still importing Person from here rather than through service.ts; this file goes when they
// have moved.
export type { Person } from './people/repository.ts';
