import { channel } from 'node:diagnostics_channel';

/** Name of the channel on which the emulator reports each command's own time. */
export const COMMAND_TIMING_CHANNEL = 'kassa:mongo-emulator:command';

/** One command as the emulator handled it: decode, run, encode and write, in microseconds. */
export interface CommandTiming {
  command: string;
  micros: number;
}

/** Published only while someone subscribes (the benchmark), so it costs nothing otherwise. */
export const commandTimings = channel(COMMAND_TIMING_CHANNEL);
