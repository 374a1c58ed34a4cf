// The intake side still names casework here; it moves to ./service.ts when intake is reshaped.
export type { Casework } from './casework/service.ts';
