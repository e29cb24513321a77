export { COMMAND_TIMING_CHANNEL, type CommandTiming } from './diagnostics';
export { MongoEmulator, type MongoEmulatorOptions } from './emulator';
export type { EmulatorLogger } from './errors';
