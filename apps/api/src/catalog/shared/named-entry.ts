/** A brand or a category as the repositories return it. */
export interface NamedEntry {
  _id: string;
  name: string;
  nameLower: string;
  /** Live (non-archived) products that point at this entry; delete requires zero. */
  productCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a product response shows of its brand or category. */
export interface NamedEntryRef {
  id: string;
  name: string | null;
}
