/**
 * The report's way out: written through the stream, which waits for a slow reader (a pipe into
 * `less`, a CI log collector) instead of failing. A synchronous write to a non-blocking pipe fails
 * with EAGAIN, which once cut JSON reports off at 96–128 KB. A write that fails for good (the
 * reader went away) is remembered, so the run can say its report is incomplete.
 */
export class OutputStream {
  private failure?: Error;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  async write(chunk: string): Promise<void> {
    if (chunk === '' || this.failure) return;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
      });
    }
  }

  /** Resolves once everything written so far has been handed on (or the stream failed). */
  async flush(): Promise<void> {
    if (this.failure) return;
    await new Promise<void>((resolve) => this.stream.write('', () => resolve()));
  }
}
