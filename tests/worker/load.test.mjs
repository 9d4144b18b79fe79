// Bounded bursts: upstream concurrency stays within the configured gate, identical image
// requests merge, and a client over the shared rate limit gets 429 with Retry-After.

import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";

import { RUN, assertError, fakeLog, get, image, query, requestsTo, reset, steer } from "./helpers.mjs";

before(reset);
afterEach(reset);
after(reset);

/** IMAGE_MAX_CONCURRENCY in tests/worker/vars.env. */
const IMAGE_MAX_CONCURRENCY = 4;

test("24 concurrent images keep upstream concurrency within the gate", async () => {
  await steer("openai", { delayMs: 300, maxConcurrency: IMAGE_MAX_CONCURRENCY });
  const prompts = Array.from({ length: 24 }, (_, i) => `A green Volvo XC90 SUV, burst ${i}, ${RUN}`);
  const results = await Promise.all(prompts.map((prompt) => image({ prompt, angle: "side" })));

  for (const { response } of results) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("x-turntable-provider"), "openai");
  }
  const { counters } = await fakeLog();
  assert.equal(counters.openai.calls, 24);
  assert.ok(counters.openai.maxConcurrent <= IMAGE_MAX_CONCURRENCY, `saw ${counters.openai.maxConcurrent} at once`);
  assert.ok(counters.openai.maxConcurrent >= 2, "the burst never overlapped");
  assert.equal(counters.openai.rateLimited, 0);
});

test("10 identical image requests in flight make one upstream call", async () => {
  await steer("openai", { delayMs: 500 });
  const prompt = `A white Lada Niva, merged, ${RUN}`;
  const results = await Promise.all(Array.from({ length: 10 }, () => image({ prompt })));
  for (const { response } of results) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("x-turntable-provider"), "openai");
  }
  assert.equal(new Set(results.map((r) => r.body.toString("base64"))).size, 1);
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 1);
});

test("a client over the shared limiter gets 429 with Retry-After", async () => {
  // A documentation address of its own, so this count is not the other suites' one.
  const headers = { "cf-connecting-ip": "198.51.100.23" };
  const path = `/v1/search/logo?${query({ brand: "" })}`;
  // 600 per 60 s window (wrangler.toml): 1,300 requests put over 600 in one window even if
  // a window ends among them.
  let limited;
  let sent = 0;
  for (; sent < 1300 && !limited; sent += 20) {
    const batch = await Promise.all(Array.from({ length: 20 }, () => get(path, { headers })));
    limited = batch.find((r) => r.status === 429);
    await Promise.all(batch.filter((r) => r !== limited).map((r) => r.arrayBuffer()));
  }
  assert.ok(limited, "no 429 within 1,300 requests");
  assert.ok(sent > 600, `limited after only ${sent} requests`);
  assert.equal(limited.headers.get("retry-after"), "60");
  assertError(await limited.text(), 429, limited, "rate_limited");

  const other = await get(path, { headers: { "cf-connecting-ip": "198.51.100.24" } });
  assert.equal(other.status, 400, "another client is not limited");
});
