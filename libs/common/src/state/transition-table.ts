import { InvalidTransitionError } from '../errors/order-errors';

/**
 * A resource's states and every move between them, in one table: a move the table does not list
 * is refused with 409 `INVALID_TRANSITION` naming both states. Writes still make each move a
 * conditional update from the expected state; the table says which moves exist at all.
 */
export class TransitionTable<State extends string> {
  readonly states: readonly State[];

  constructor(
    readonly resource: string,
    private readonly moves: Readonly<Record<State, readonly State[]>>,
  ) {
    this.states = Object.keys(moves) as State[];
  }

  allows(from: State, to: State): boolean {
    return this.moves[from].includes(to);
  }

  /** Throws 409 `INVALID_TRANSITION`, naming both states, for a move the table does not allow. */
  assert(from: State, to: State): void {
    if (!this.allows(from, to)) throw new InvalidTransitionError(this.resource, from, to);
  }

  /** The states `to` can be reached from: the expected states of a conditional write. */
  statesBefore(to: State): State[] {
    return this.states.filter((from) => this.allows(from, to));
  }
}
