// Logo search through its chain: Brave first, DuckDuckGo next, the embedded catalogue last;
// identical searches in flight merged into one upstream call; a stale answer when the
// upstreams are rate-limited; and upstream bodies never echoed.

import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";

import { FAKE_KEY, RUN, assertAsciiHeaders, assertError, logo, requestsTo, reset, sleep, steer } from "./helpers.mjs";

before(reset);
afterEach(reset);
after(reset);

let count = 0;
/** A make no earlier search used (and so not in the catalogue), so no cache answers it. */
const freshBrand = (label) => `Zaz ${label} ${RUN}-${++count}`;

function assertServed(response, provider, cache) {
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("x-turntable-provider"), provider);
  assert.equal(response.headers.get("x-turntable-cache"), cache);
  assertAsciiHeaders(response);
}

test("brave answers with a badge and references as data", async () => {
  const brand = freshBrand("brave");
  const { response, json } = await logo(brand);
  assertServed(response, "brave", "miss");
  assert.equal(json.brand, brand);
  assert.equal(json.provider, "brave");
  assert.equal(json.badge, `${brand} car logo: chrome emblem on the grille, picture 1`);
  assert.equal(json.references.length, 3);
  for (const reference of json.references) {
    assert.match(reference.url, /^http:\/\/127\.0\.0\.1:\d+\/images\//);
    assert.equal(typeof reference.title, "string");
  }

  const [call] = await requestsTo("brave", (r) => r.prompt === `${brand} car logo`);
  assert.ok(call, "brave got the query");
  assert.equal(call.keyMatched, true);
});

test("a known make gets the catalogue's name and country", async () => {
  const { response, json } = await logo("  skoda ");
  assert.equal(response.status, 200);
  assert.equal(json.brand, "Škoda");
  assert.equal(json.country, "Czech Republic");
});

test("duckduckgo serves when brave fails: token page, then i.js with its vqd", async () => {
  await steer("brave", { mode: "fail" });
  const brand = freshBrand("ddg");
  const { response, json } = await logo(brand);
  assertServed(response, "duckduckgo", "miss");
  assert.equal(json.references.length, 3);

  const calls = await requestsTo("duckduckgo", (r) => r.prompt === `${brand} car logo`);
  assert.deepEqual(calls.map((c) => c.path), ["/", "/i.js"]);
  assert.match(calls[1].params.vqd, /^4-\d+$/);
  assert.equal(calls[1].params.o, "json");
  assert.equal(calls[1].hasAuth, false);
});

test("the embedded catalogue answers when the web upstreams fail", async () => {
  await steer("brave", { mode: "garbage" });
  await steer("duckduckgo", { mode: "garbage" });
  const { response, json } = await logo("Citroën");
  assertServed(response, "embedded", "none");
  assert.equal(json.brand, "Citroën");
  assert.equal(json.provider, "embedded");
  assert.ok(json.badge.length > 0);
  assert.deepEqual(json.references, []);
});

test("a make nobody knows is a JSON error that echoes no upstream body", async () => {
  await steer("brave", { mode: "fail" });
  await steer("duckduckgo", { mode: "fail" });
  const { response, text } = await logo(freshBrand("unknown"));
  assertError(text, 502, response, "upstream_failed");
  assert.ok(!text.includes(FAKE_KEY), "the fake key appeared in the error");
  assert.ok(!text.includes("internal failure"), "an upstream body was echoed");
  assert.ok(!JSON.stringify([...response.headers]).includes(FAKE_KEY));
});

test("a replayed search comes from the cache", async () => {
  const brand = freshBrand("replay");
  assertServed((await logo(brand)).response, "brave", "miss");
  assertServed((await logo(brand)).response, "brave", "hit");
  assert.equal((await requestsTo("brave", (r) => r.prompt === `${brand} car logo`)).length, 1);
});

test("20 identical searches in flight make one upstream call", async () => {
  await steer("brave", { mode: "slow", delayMs: 500 });
  const brand = freshBrand("merge");
  const answers = await Promise.all(Array.from({ length: 20 }, () => logo(brand)));
  for (const { response } of answers) {
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("x-turntable-provider"), "brave");
  }
  assert.equal(new Set(answers.map((a) => a.text)).size, 1, "every search got the same answer");
  assert.equal((await requestsTo("brave", (r) => r.prompt === `${brand} car logo`)).length, 1);
});

test("rate-limited upstreams get the stale answer", async () => {
  const brand = freshBrand("stale");
  const first = await logo(brand);
  assertServed(first.response, "brave", "miss");
  await sleep(2500);

  await steer("brave", { mode: "rate_limit", retryAfter: 0 });
  await steer("duckduckgo", { mode: "rate_limit" });
  const stale = await logo(brand);
  assertServed(stale.response, "brave", "stale");
  assert.deepEqual(stale.json, first.json);
  const statuses = (await requestsTo("brave", (r) => r.prompt === `${brand} car logo`)).map((c) => c.status);
  assert.deepEqual(statuses, [200, 429, 429, 429]);
});
