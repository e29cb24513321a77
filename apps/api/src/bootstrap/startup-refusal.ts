/** A reason not to start that the operator can act on; printed as one line, without a stack. */
export class StartupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = StartupRefusal.name;
  }
}
