/** The cases `BENCH_CASES` names, in table order; no names means all of them. */
export function selectCases<Case extends { name: string }>(cases: Case[], names: string[]): Case[] {
  if (names.length === 0) return cases;
  const known = new Set(cases.map((benchCase) => benchCase.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark case ${unknown.join(', ')}; the cases are ${[...known].join(', ')}`,
    );
  }
  return cases.filter((benchCase) => names.includes(benchCase.name));
}
