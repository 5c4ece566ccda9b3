/**
 * How often the client starts a crashed language server again: up to `maxRestarts` within
 * `windowMs`, then it stops and says why (a server that keeps crashing on a document must not
 * take the editor down with it, nor restart forever).
 */
export class ServerRestarts {
  private readonly crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a crash at `now`: restart, or stop with the message to show. */
  crashed(now = Date.now()): { restart: true } | { restart: false; message: string } {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length <= this.maxRestarts) return { restart: true };
    return {
      restart: false,
      message: `ClaimFloor's checker stopped ${this.crashes.length} times in ${Math.round(this.windowMs / 60_000)} minutes and will not be started again. Its log is in the Output panel (ClaimFloor); run "Developer: Reload Window" to start it again. Your files are not affected.`,
    };
  }
}
