/**
 * The dev server's rebuilds, one at a time: paths that change while a rebuild runs are
 * gathered and handed to the next one together, so a burst of saves (an editor writing a file
 * and its backup, a `git checkout`) costs one rebuild after the one in flight, never a pile.
 */

/** A queue of changed paths in front of one rebuild function. */
export interface RebuildQueue {
  /** Notes a changed path; a rebuild with it starts after `settleMs`, or when the running one ends. */
  add(path: string): void;
  /** Settles when no rebuild runs and none waits. */
  idle(): Promise<void>;
}

/**
 * A queue that calls `rebuild` with the paths changed since the last call, never two at once.
 * A rejected rebuild is handed to `onError` and the queue goes on.
 * @example const queue = rebuildQueue(async (paths) => build(paths)); queue.add("content/a.md");
 */
export function rebuildQueue(rebuild: (paths: string[]) => Promise<void>, options: { settleMs?: number; onError?: (error: unknown) => void } = {}): RebuildQueue {
  const settleMs = options.settleMs ?? 20;
  const waiting = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];

  const settleIfIdle = () => {
    if (running || timer || waiting.size) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const done of waiters) done();
  };
  const start = () => {
    timer = undefined;
    if (running || waiting.size === 0) return settleIfIdle();
    const paths = [...waiting].sort();
    waiting.clear();
    running = rebuild(paths)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        // Paths gathered during the run go at once: they have waited long enough.
        if (waiting.size) start();
        else settleIfIdle();
      });
  };

  return {
    add(path) {
      waiting.add(path);
      if (!running && !timer) timer = setTimeout(start, settleMs);
    },
    idle() {
      return new Promise((done) => {
        idleWaiters.push(done);
        settleIfIdle();
      });
    },
  };
}
