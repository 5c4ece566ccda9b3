/** A one-line progress indicator on stderr, shown only on a terminal so logs and pipes stay clean. */
export class Progress {
  private readonly enabled: boolean;
  private lastWidth = 0;

  constructor(
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
    private readonly out = stream,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 1;
  }

  update(done: number, path: string): void {
    if (!this.enabled) return;
    const line = `[${done}/${this.total}] ${path}`.slice(0, (this.out.columns ?? 80) - 1);
    this.out.write(`\r${line.padEnd(this.lastWidth)}`);
    this.lastWidth = line.length;
  }

  finish(): void {
    if (this.enabled && this.lastWidth > 0) this.out.write(`\r${' '.repeat(this.lastWidth)}\r`);
  }
}
