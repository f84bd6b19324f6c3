/**
 * Where the command line writes: results on stdout (so `--format json > file` is clean JSON),
 * progress and notes on stderr. A terminal sees progress rewrite one line; a log gets one line each.
 */
export interface Output {
  /** The result: a table, JSON, a summary. */
  result(text: string): void;
  /** What is happening now (reading, checking, writing …). */
  progress(text: string): void;
  /** Something worth knowing that is not a problem (a sheet skipped). */
  note(text: string): void;
  error(text: string): void;
}

export function consoleOutput(): Output {
  const tty = process.stderr.isTTY === true;
  let open = false;
  const endProgress = () => {
    if (open) process.stderr.write('\n');
    open = false;
  };
  return {
    result(text) {
      endProgress();
      process.stdout.write(`${text}\n`);
    },
    progress(text) {
      if (tty) {
        process.stderr.write(`\r\x1b[K${text}`);
        open = true;
      } else process.stderr.write(`${text}\n`);
    },
    note(text) {
      endProgress();
      process.stderr.write(`${text}\n`);
    },
    error(text) {
      endProgress();
      process.stderr.write(`${text}\n`);
    },
  };
}
