/** Fault reports, emergencies and field work: pure rules shared by the server and the miniapp. */
export * from './fault-categories';
export * from './room-temperature';
export * from './appointment-window';
export * from './safety-instructions';
export * from './repair-quote';
