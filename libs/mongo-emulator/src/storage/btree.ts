/**
 * An ordered set kept in a B+tree whose branches know the size of their subtrees, so that the
 * rank of a key (how many items precede it) and the number of items between two keys cost
 * O(log n). Leaves are linked both ways for walks in either direction. Items must be distinct
 * under the comparator; probes (keys that are not items) may fall anywhere.
 */
export type Comparator<T> = (a: T, b: T) => number;

const MAX_ITEMS = 64;
const MIN_ITEMS = 16;

interface Leaf<T> {
  leaf: true;
  items: T[];
  next?: Leaf<T>;
  prev?: Leaf<T>;
}

interface Branch<T> {
  leaf: false;
  children: Array<Node<T>>;
  /** firsts[i] is the smallest item under children[i]. */
  firsts: T[];
  size: number;
}

type Node<T> = Leaf<T> | Branch<T>;

/** A position in the tree: an item slot of a leaf (index may equal the length: past the end). */
export interface TreePosition<T> {
  leaf: Leaf<T> | undefined;
  index: number;
}

function sizeOf<T>(node: Node<T>): number {
  return node.leaf ? node.items.length : node.size;
}

function firstOf<T>(node: Node<T>): T {
  return node.leaf ? node.items[0] : node.firsts[0];
}

export class BTree<T> {
  private root: Node<T> = { leaf: true, items: [] };

  constructor(private readonly compare: Comparator<T>) {}

  get size(): number {
    return sizeOf(this.root);
  }

  /** Index of the child to descend into for `key`: the last whose first item is <= key. */
  private childFor(branch: Branch<T>, key: T): number {
    const firsts = branch.firsts;
    let low = 1;
    let high = firsts.length - 1;
    let found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.compare(firsts[middle], key) <= 0) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /** First slot of `items` holding an item >= key. */
  private slotFor(items: T[], key: T): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(items[middle], key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Number of items strictly smaller than `key`. */
  rank(key: T): number {
    let node = this.root;
    let before = 0;
    while (!node.leaf) {
      const child = this.childFor(node, key);
      for (let i = 0; i < child; i++) before += sizeOf(node.children[i]);
      node = node.children[child];
    }
    return before + this.slotFor(node.items, key);
  }

  /** Number of items in [from, to) (probes compared with the tree's comparator). */
  countBetween(from: T, to: T): number {
    return Math.max(0, this.rank(to) - this.rank(from));
  }

  /** The position of the first item >= key. */
  seek(key: T): TreePosition<T> {
    let node = this.root;
    while (!node.leaf) node = node.children[this.childFor(node, key)];
    const index = this.slotFor(node.items, key);
    if (index < node.items.length || !node.next) return { leaf: node, index };
    return { leaf: node.next, index: 0 };
  }

  /** Items >= from, ascending, until the walk is abandoned or an item reaches `until`. */
  *ascending(from: T, until?: T): IterableIterator<T> {
    let { leaf, index } = this.seek(from);
    while (leaf) {
      const items = leaf.items;
      for (; index < items.length; index++) {
        if (until !== undefined && this.compare(items[index], until) >= 0) return;
        yield items[index];
      }
      leaf = leaf.next;
      index = 0;
    }
  }

  /** Items < before, descending, until an item falls below `downTo` (inclusive bound). */
  *descending(before: T, downTo?: T): IterableIterator<T> {
    let { leaf, index } = this.seek(before);
    index -= 1;
    while (leaf) {
      const items = leaf.items;
      for (; index >= 0; index--) {
        if (downTo !== undefined && this.compare(items[index], downTo) < 0) return;
        yield items[index];
      }
      leaf = leaf.prev;
      index = leaf ? leaf.items.length - 1 : -1;
    }
  }

  /** Whether an item equal to `key` is present. */
  has(key: T): boolean {
    const { leaf, index } = this.seek(key);
    return !!leaf && index < leaf.items.length && this.compare(leaf.items[index], key) === 0;
  }

  insert(item: T): void {
    const path: Array<[Branch<T>, number]> = [];
    let node = this.root;
    while (!node.leaf) {
      const child = this.childFor(node, item);
      path.push([node, child]);
      node = node.children[child];
    }
    const slot = this.slotFor(node.items, item);
    node.items.splice(slot, 0, item);
    for (const [branch] of path) branch.size += 1;
    if (slot === 0) this.refreshFirsts(path, item);
    if (node.items.length > MAX_ITEMS) this.split(node, path);
  }

  /** Removes the item equal to `item`; returns whether one was there. */
  remove(item: T): boolean {
    const path: Array<[Branch<T>, number]> = [];
    let node = this.root;
    while (!node.leaf) {
      const child = this.childFor(node, item);
      path.push([node, child]);
      node = node.children[child];
    }
    const slot = this.slotFor(node.items, item);
    if (slot >= node.items.length || this.compare(node.items[slot], item) !== 0) return false;
    node.items.splice(slot, 1);
    for (const [branch] of path) branch.size -= 1;
    if (slot === 0 && node.items.length > 0) this.refreshFirsts(path, node.items[0]);
    this.rebalance(node, path);
    return true;
  }

  /** After the first item of the node at the end of `path` changed, updates its ancestors. */
  private refreshFirsts(path: Array<[Branch<T>, number]>, first: T): void {
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const [branch, child] = path[depth];
      branch.firsts[child] = first;
      if (child !== 0) return;
    }
  }

  private split(node: Node<T>, path: Array<[Branch<T>, number]>): void {
    let current = node;
    for (let depth = path.length - 1; ; depth--) {
      const right = this.splitNode(current);
      if (depth < 0) {
        this.root = {
          leaf: false,
          children: [current, right],
          firsts: [firstOf(current), firstOf(right)],
          size: sizeOf(current) + sizeOf(right),
        };
        return;
      }
      const [parent, child] = path[depth];
      parent.children.splice(child + 1, 0, right);
      parent.firsts.splice(child + 1, 0, firstOf(right));
      if (parent.children.length <= MAX_ITEMS) return;
      current = parent;
    }
  }

  private splitNode(node: Node<T>): Node<T> {
    const half = Math.ceil((node.leaf ? node.items.length : node.children.length) / 2);
    if (node.leaf) {
      const right: Leaf<T> = {
        leaf: true,
        items: node.items.splice(half),
        prev: node,
        next: node.next,
      };
      if (node.next) node.next.prev = right;
      node.next = right;
      return right;
    }
    const children = node.children.splice(half);
    const right: Branch<T> = {
      leaf: false,
      children,
      firsts: node.firsts.splice(half),
      size: children.reduce((total, child) => total + sizeOf(child), 0),
    };
    node.size -= right.size;
    return right;
  }

  /** Merges an underfull node into a sibling (or drops it when empty), up to the root. */
  private rebalance(node: Node<T>, path: Array<[Branch<T>, number]>): void {
    let current = node;
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const count = current.leaf ? current.items.length : current.children.length;
      if (count >= MIN_ITEMS) return;
      const [parent, child] = path[depth];
      if (count === 0) {
        this.detach(parent, child);
        if (child === 0 && parent.children.length > 0)
          this.refreshFirsts(path.slice(0, depth), parent.firsts[0]);
      } else if (!this.mergeWithSibling(parent, child)) return;
      current = parent;
    }
    while (!this.root.leaf && this.root.children.length === 1) this.root = this.root.children[0];
  }

  private detach(parent: Branch<T>, child: number): void {
    const [removed] = parent.children.splice(child, 1);
    parent.firsts.splice(child, 1);
    if (removed.leaf) unlink(removed);
  }

  private mergeWithSibling(parent: Branch<T>, child: number): boolean {
    const leftIndex = child > 0 ? child - 1 : child;
    if (leftIndex + 1 >= parent.children.length) return false;
    const left = parent.children[leftIndex];
    const right = parent.children[leftIndex + 1];
    const combined = left.leaf
      ? left.items.length + (right as Leaf<T>).items.length
      : left.children.length + (right as Branch<T>).children.length;
    if (combined > MAX_ITEMS) return false;
    if (left.leaf) {
      const rightLeaf = right as Leaf<T>;
      left.items.push(...rightLeaf.items);
      unlink(rightLeaf);
    } else {
      const rightBranch = right as Branch<T>;
      left.children.push(...rightBranch.children);
      left.firsts.push(...rightBranch.firsts);
      left.size += rightBranch.size;
    }
    parent.children.splice(leftIndex + 1, 1);
    parent.firsts.splice(leftIndex + 1, 1);
    parent.firsts[leftIndex] = firstOf(left);
    return true;
  }
}

function unlink<T>(leaf: Leaf<T>): void {
  if (leaf.prev) leaf.prev.next = leaf.next;
  if (leaf.next) leaf.next.prev = leaf.prev;
}
