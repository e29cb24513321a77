/**
 * The lowercase copy a brand or category name is made unique by (DESIGN.md §2: a plain unique
 * index on a normalised copy, no collations). Unicode-normalised so "É" typed two ways is one name.
 */
export function normaliseCatalogName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
