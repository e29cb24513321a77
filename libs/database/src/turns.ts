/**
 * First-come, first-served turns by name within this process: `take(name)` resolves once every
 * earlier taker of that name has released its turn, and answers the release.
 */
export class Turns {
  private readonly tails = new Map<string, Promise<void>>();

  async take(name: string): Promise<() => void> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    };
  }
}
