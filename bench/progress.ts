/**
 * The progress display: one status line on stderr, redrawn in place on a terminal and printed at most every few
 * seconds otherwise (CI logs), so stdout keeps only the table and the figures.
 */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastPrinted = 0;
  private readonly started = Date.now();
  private phase = '';

  begin(phase: string): void {
    this.end();
    this.phase = phase;
    this.write(`${phase} ...`, true);
  }

  update(detail: string): void {
    this.write(`${this.phase}: ${detail}`, false);
  }

  /** Closes the current line with a result. */
  done(detail: string): void {
    this.write(`${this.phase}: ${detail}`, true);
    if (this.tty) process.stderr.write('\n');
    this.phase = '';
  }

  end(): void {
    if (this.phase && this.tty) process.stderr.write('\n');
  }

  private write(text: string, force: boolean): void {
    const elapsed = `[${((Date.now() - this.started) / 1000).toFixed(0).padStart(4)} s] `;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${elapsed}${text}`);
      return;
    }
    const now = Date.now();
    if (!force && now - this.lastPrinted < 3000) return;
    this.lastPrinted = now;
    process.stderr.write(`${elapsed}${text}\n`);
  }
}
