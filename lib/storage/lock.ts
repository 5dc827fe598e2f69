/**
 * Runs tasks one at a time, in the order they were queued. The background is
 * the only writer and holds this around every read-change-write, so two edits
 * arriving together can never both read the same old value.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue goes on whether or not this task failed; the caller sees its own outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
