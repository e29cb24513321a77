/** Formats the benchmark's results: µs per operation per size, beside ping, and how it scales. */
export interface Measurement {
  operation: string;
  size: number;
  /** Driver round trip per operation. */
  microsPerOp: number;
  /** The emulator's own time per operation (decode, run, encode), when it reports it. */
  emulatorMicros?: number;
  /** Time over a ping's, measured run by run; else derived from the two times. */
  pingMultiple?: number;
}

/** Slowest acceptable growth from the smallest to the largest collection. */
export const RATIO_LIMIT = 2;

export const PING = 'ping';

function sizeLabel(size: number): string {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

function find(measurements: Measurement[], operation: string, size: number) {
  return measurements.find((item) => item.operation === operation && item.size === size);
}

export function ratioOf(
  measurements: Measurement[],
  operation: string,
  small: number,
  large: number,
): number {
  const micros = (size: number) => find(measurements, operation, size)?.microsPerOp ?? NaN;
  return micros(large) / micros(small);
}

/** An operation's time as a multiple of a ping's at the same size (measured, else derived). */
export function pingMultipleOf(
  measurements: Measurement[],
  operation: string,
  size: number,
): number {
  const measured = find(measurements, operation, size);
  if (measured?.pingMultiple !== undefined) return measured.pingMultiple;
  return (measured?.microsPerOp ?? NaN) / (find(measurements, PING, size)?.microsPerOp ?? NaN);
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[i])))
    .join(' ');
}

function operationsOf(measurements: Measurement[]): string[] {
  return [...new Set(measurements.map((item) => item.operation))];
}

function scaling(measurements: Measurement[], operation: string, sizes: number[]) {
  const ratio = ratioOf(measurements, operation, sizes[0], sizes[sizes.length - 1]);
  return { text: `${ratio.toFixed(2)}x`, flag: ratio > RATIO_LIMIT ? `  > ${RATIO_LIMIT}x !` : '' };
}

/**
 * Point operations: per size, µs per operation through the driver, that time as a multiple of
 * a ping's, and the emulator's own µs; then the growth from the smallest size to the largest.
 */
export function formatPointTable(
  measurements: Measurement[],
  sizes: number[],
  pingLimits: Record<string, number> = {},
): string[] {
  const widths = [22, ...sizes.flatMap(() => [11, 8, 10]), 10];
  const header = [
    'operation',
    ...sizes.flatMap((size) => [`${sizeLabel(size)} µs/op`, 'x ping', 'emulator']),
    `${sizeLabel(sizes[sizes.length - 1])}/${sizeLabel(sizes[0])}`,
  ];
  const lines = [row(header, widths)];
  for (const operation of operationsOf(measurements)) {
    const limit = pingLimits[operation];
    let flag = '';
    const cells = sizes.flatMap((size) => {
      const measured = find(measurements, operation, size);
      const multiple = pingMultipleOf(measurements, operation, size);
      if (limit !== undefined && multiple > limit) flag = `  > ${limit}x ping !`;
      return [
        measured ? measured.microsPerOp.toFixed(1) : '-',
        Number.isFinite(multiple) ? `${multiple.toFixed(2)}x` : '-',
        measured?.emulatorMicros !== undefined ? measured.emulatorMicros.toFixed(1) : '-',
      ];
    });
    const growth = scaling(measurements, operation, sizes);
    lines.push(row([operation, ...cells, growth.text], widths) + growth.flag + flag);
  }
  return lines;
}

/** Operations whose cost should not grow with the collection: µs/op per size and growth. */
export function formatScalingTable(measurements: Measurement[], sizes: number[]): string[] {
  const widths = [28, ...sizes.map(() => 12), 10];
  const header = [
    'operation',
    ...sizes.map((size) => `${sizeLabel(size)} µs/op`),
    `${sizeLabel(sizes[sizes.length - 1])}/${sizeLabel(sizes[0])}`,
  ];
  const lines = [row(header, widths)];
  for (const operation of operationsOf(measurements)) {
    const cells = sizes.map(
      (size) => find(measurements, operation, size)?.microsPerOp.toFixed(1) ?? '-',
    );
    const growth = scaling(measurements, operation, sizes);
    lines.push(row([operation, ...cells, growth.text], widths) + growth.flag);
  }
  return lines;
}
