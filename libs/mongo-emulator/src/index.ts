export { MongoEmulator, type MongoEmulatorOptions } from './emulator';
