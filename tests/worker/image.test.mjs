// Images through the provider chain: OpenAI-compatible first, pollinations next, the
// embedded renderer last; retries that honour Retry-After; the cache; text encoded once;
// and the fake key never shown.

import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";

import { FAKE_KEY, RUN, assertAsciiHeaders, image, requestsTo, reset, steer } from "./helpers.mjs";

before(reset);
afterEach(reset);
after(reset);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let count = 0;
/** A prompt no earlier request used, so no cache answers it. */
const fresh = (label) => `A blue 2021 Lada Vesta sedan, ${label}, ${RUN}-${++count}`;

function assertServed(response, provider, cache) {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("x-turntable-provider"), provider);
  assert.equal(response.headers.get("x-turntable-cache"), cache);
  assert.match(response.headers.get("server-timing"), /total;dur=/);
  assertAsciiHeaders(response);
}

test("openai serves by default, decoded from b64_json, with the key sent", async () => {
  // OPENAI_SIZES in vars.env lists 1024x768, the size nearest 800x600 in aspect ratio.
  const prompt = fresh("openai");
  const { response, body } = await image({ prompt, width: "800", height: "600" });
  assertServed(response, "openai", "miss");
  assert.equal(response.headers.get("content-type"), "image/png");
  assert.deepEqual(body.subarray(0, 8), PNG);

  const [call] = await requestsTo("openai", (r) => r.prompt === prompt);
  assert.ok(call, "openai got the prompt");
  assert.equal(call.hasAuth, true);
  assert.equal(call.keyMatched, true);
  assert.deepEqual(
    { model: call.body.model, n: call.body.n, size: call.body.size, format: call.body.response_format },
    { model: "fake-image-1", n: 1, size: "1024x768", format: "b64_json" },
  );
});

test("a replay comes from the cache", async () => {
  const prompt = fresh("replay");
  const first = await image({ prompt });
  assertServed(first.response, "openai", "miss");
  const second = await image({ prompt });
  assertServed(second.response, "openai", "hit");
  assert.deepEqual(second.body, first.body);
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 1);
});

test("a garbage answer falls through to pollinations at once", async () => {
  await steer("openai", { mode: "garbage" });
  const prompt = fresh("garbage");
  const { response, body } = await image({ prompt, seed: "7" });
  assertServed(response, "pollinations", "miss");
  assert.deepEqual(body.subarray(0, 8), PNG);
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 1);

  const [call] = await requestsTo("pollinations", (r) => r.prompt === prompt);
  assert.ok(call, "pollinations got the prompt");
  assert.deepEqual(
    { seed: call.params.seed, width: call.params.width, height: call.params.height, nologo: call.params.nologo, model: call.params.model },
    { seed: "7", width: "1024", height: "768", nologo: "true", model: "flux" },
  );
  assert.equal(call.hasAuth, false, "no pollinations key is configured");
});

test("server errors are retried, then the chain falls through", async () => {
  await steer("openai", { mode: "fail" });
  const prompt = fresh("fail");
  const { response } = await image({ prompt });
  assertServed(response, "pollinations", "miss");
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 3);
});

test("a broken-off answer is retried like a network error", async () => {
  await steer("openai", { mode: "truncated", times: 1 });
  const prompt = fresh("truncated");
  const { response } = await image({ prompt });
  assertServed(response, "openai", "miss");
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 2);
});

test("a slow provider times out once and the next one serves", async () => {
  await steer("openai", { mode: "slow", delayMs: 3500 });
  const prompt = fresh("slow");
  const started = Date.now();
  const { response } = await image({ prompt });
  assertServed(response, "pollinations", "miss");
  assert.ok(Date.now() - started < 3500, "the worker did not wait for the slow provider");
  assert.equal((await requestsTo("openai", (r) => r.prompt === prompt)).length, 1);
});

test("every provider failing ends at the embedded renderer", async () => {
  await steer("openai", { mode: "fail" });
  await steer("pollinations", { mode: "fail" });
  const { response, body } = await image({ prompt: fresh("embedded") });
  assertServed(response, "embedded", "none");
  assert.match(response.headers.get("content-type"), /^image\/svg\+xml/);
  assert.match(body.toString("utf8"), /^<svg /);
});

for (const format of ["seconds", "date", "body"]) {
  test(`429 with Retry-After as ${format} is waited for, then retried`, async () => {
    const retryAfter = format === "date" ? 2 : 1;
    await steer("openai", { mode: "rate_limit", retryAfter, retryAfterFormat: format, times: 1 });
    const prompt = fresh(`retry-after-${format}`);
    const { response } = await image({ prompt });
    assertServed(response, "openai", "miss");

    const calls = await requestsTo("openai", (r) => r.prompt === prompt);
    assert.deepEqual(calls.map((c) => c.status), [429, 200]);
    const gap = calls[1].startedMs - calls[0].endedMs;
    assert.ok(gap >= 900, `second attempt came ${gap} ms after the 429`);
    assert.ok(gap < retryAfter * 1000 + 1500, `second attempt came late: ${gap} ms`);
  });
}

test("text reaches the providers exactly, encoded once", async () => {
  const prompt = `Škoda — Лада 🚗 / ? # % & + = ${RUN}`;
  const viaOpenai = await image({ prompt, seed: "11" });
  assertServed(viaOpenai.response, "openai", "miss");
  const [openai] = await requestsTo("openai", (r) => r.prompt === prompt);
  assert.ok(openai, "openai got the exact prompt");

  await steer("openai", { mode: "garbage" });
  const viaPollinations = await image({ prompt, seed: "12" });
  assertServed(viaPollinations.response, "pollinations", "miss");
  const [call] = await requestsTo("pollinations", (r) => r.prompt === prompt);
  assert.ok(call, "pollinations got the exact prompt");
  assert.match(call.path, /%2F/);
  assert.match(call.path, /%3F/);
  assert.match(call.path, /%23/);
  assert.doesNotMatch(call.path, /%25(2F|3F|23|C5|D0|F0)/, "encoded twice");
});

test("the key never reaches a response, even when an upstream echoes it", async () => {
  await steer("openai", { mode: "fail" });
  await steer("pollinations", { mode: "fail" });
  const seen = [];
  for (const overrides of [{ prompt: fresh("leak") }, { seed: "abc" }]) {
    const { response, body } = await image(overrides);
    seen.push(body.toString("latin1"), JSON.stringify([...response.headers]));
  }
  await reset();
  const ok = await image({ prompt: fresh("leak-ok") });
  seen.push(ok.body.toString("latin1"), JSON.stringify([...ok.response.headers]));

  for (const text of seen) {
    assert.ok(!text.includes(FAKE_KEY), "the fake key appeared in a response");
    assert.ok(!/bearer/i.test(text), "an authorization value appeared in a response");
  }
});
