export { MongoEmulator, type MongoEmulatorOptions } from './emulator';
export type { EmulatorLogger } from './errors';
