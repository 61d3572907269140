/**
 * The window of the article stage's shared queue: batches are published up to a byte budget,
 * always at least one past those taken, and topped up as workers take them; every target gets
 * every batch, readable as the jobs it was made from. Real message ports stand for the workers.
 */
import { deserialize } from "node:v8";
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { BatchQueue, type PublishedBatch } from "../../src/build/batch-queue.ts";

const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((port) => port.close()));

function target(): { port: MessagePort; received: () => PublishedBatch[] } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const received = () => {
    const all: PublishedBatch[] = [];
    for (let m = receiveMessageOnPort(port2); m; m = receiveMessageOnPort(port2)) all.push(m.message as PublishedBatch);
    return all;
  };
  return { port: port1, received };
}

// Ten batches of one job of about 1 kB each.
const BATCHES = Array.from({ length: 10 }, (_, i) => [{ file: `2024/${i}.md`, text: "x".repeat(1000) }]);
const take = (queue: BatchQueue, n: number) => Atomics.add(new Int32Array(queue.counters.next), 0, n);
const published = (queue: BatchQueue) => Atomics.load(new Int32Array(queue.counters.published), 0);

describe("BatchQueue", () => {
  it.each([
    ["a window for everything", 1e9, 10],
    ["a window of about three batches", 3000, 3],
    ["a window smaller than a batch still publishes one", 10, 1],
  ])("with %s, publishes that many at the start", (_, window, expected) => {
    const queue = new BatchQueue(BATCHES, 2, window);
    const a = target();
    queue.topUp([a.port]);
    expect(published(queue)).toBe(expected);
    expect(a.received().map((m) => m.batch)).toEqual([...Array(expected).keys()]);
  });

  it("tops up as batches are taken, to every target, until none is left", () => {
    const queue = new BatchQueue(BATCHES, 2, 3000);
    const [a, b] = [target(), target()];
    queue.topUp([a.port, b.port]);
    take(queue, 2);
    queue.topUp([a.port, b.port]);
    expect(published(queue)).toBe(5);
    take(queue, 20);
    queue.topUp([a.port, b.port]);
    expect(published(queue)).toBe(10);
    const [gotA, gotB] = [a.received(), b.received()];
    expect(gotA.map((m) => m.batch)).toEqual([...Array(10).keys()]);
    expect(gotB.map((m) => m.batch)).toEqual(gotA.map((m) => m.batch));
    // A buffer is shared, not copied, and holds the batch as it was.
    expect(deserialize(new Uint8Array(gotA[7].part))).toEqual(BATCHES[7]);
  });

  it("knows no worker's batch before it takes one", () => {
    const queue = new BatchQueue(BATCHES, 3);
    expect([0, 1, 2].map((i) => queue.currentOf(i))).toEqual([-1, -1, -1]);
    expect(queue.counters.total).toBe(10);
  });
});
