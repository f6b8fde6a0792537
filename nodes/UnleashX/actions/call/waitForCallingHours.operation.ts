import { holdForCallingHours } from '../../../shared/calling/hold';

// Holds the items until the callees' calling hours open, before the call operation (shared/calling/hold.ts).
export const { description, prepare, execute, waiting } = holdForCallingHours('IN', 'trai');
