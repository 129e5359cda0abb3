import { describe, expect, it } from "vitest";
import { fullCollection } from "../../scripts/lib/memory.ts";

/** The heap in use while about 50 MB of strings are held, which no one keeps once it returns. */
function heapWithGarbage(): number {
  const garbage = Array.from({ length: 200_000 }, (_, i) => `${i}`.padStart(200, "x"));
  return garbage.length > 0 ? process.memoryUsage().heapUsed : 0;
}

describe("the collection the build makes between Eleventy runs", () => {
  it("frees what nothing holds any more, and adds no gc global", () => {
    const hadGc = "gc" in globalThis;
    const collect = fullCollection();
    collect();
    const before = process.memoryUsage().heapUsed;
    const held = heapWithGarbage();
    collect();
    const after = process.memoryUsage().heapUsed;
    expect(held - before).toBeGreaterThan(30e6);
    expect(after - before).toBeLessThan((held - before) / 4);
    expect("gc" in globalThis).toBe(hadGc);
  });
});
