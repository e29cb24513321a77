/** Formats the benchmark's results: ops/s and µs/op per size, and the large/small ratio. */
export interface Measurement {
  operation: string;
  size: number;
  microsPerOp: number;
}

export const RATIO_LIMIT = 2;

function sizeLabel(size: number): string {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

function pad(text: string, width: number, alignLeft = false): string {
  return alignLeft ? text.padEnd(width) : text.padStart(width);
}

export function ratioOf(
  measurements: Measurement[],
  operation: string,
  small: number,
  large: number,
): number {
  const find = (size: number) =>
    measurements.find((item) => item.operation === operation && item.size === size)?.microsPerOp ??
    NaN;
  return find(large) / find(small);
}

export function formatTable(measurements: Measurement[], sizes: [number, number]): string[] {
  const [small, large] = sizes;
  const operations = [...new Set(measurements.map((item) => item.operation))];
  const columns = sizes.flatMap((size) => [`${sizeLabel(size)} ops/s`, `${sizeLabel(size)} µs/op`]);
  const ratioHeader = `${sizeLabel(large)}/${sizeLabel(small)}`;
  const lines = [
    [pad('operation', 20, true), ...columns.map((c) => pad(c, 13)), pad(ratioHeader, 10)].join(' '),
  ];
  for (const operation of operations) {
    const cells = sizes.flatMap((size) => {
      const micros = measurements.find(
        (item) => item.operation === operation && item.size === size,
      )?.microsPerOp;
      return micros === undefined ? ['-', '-'] : [(1e6 / micros).toFixed(0), micros.toFixed(1)];
    });
    const ratio = ratioOf(measurements, operation, small, large);
    const flag = ratio > RATIO_LIMIT ? `  > ${RATIO_LIMIT}x !` : '';
    lines.push(
      [
        pad(operation, 20, true),
        ...cells.map((c) => pad(c, 13)),
        pad(`${ratio.toFixed(2)}x`, 10),
      ].join(' ') + flag,
    );
  }
  return lines;
}
