// Bad input gets a 4xx with a stable code, never a 500; nothing is sent upstream for it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { assertAsciiHeaders, assertError, fakeLog, get, logo, query, reset, shot } from "./helpers.mjs";

before(reset);
after(reset);

const cases = [
  ["a prompt over 4000 characters", { prompt: "x".repeat(4001) }, 413, "too_large"],
  ["a missing prompt", { prompt: "" }, 400, "bad_request"],
  ["a seed past 2^31 - 1", { seed: "2147483648" }, 400, "bad_request"],
  ["a seed that is not a number", { seed: "abc" }, 400, "bad_request"],
  ["a negative seed", { seed: "-1" }, 400, "bad_request"],
  ["a width of 99999", { width: "99999" }, 400, "bad_request"],
  ["a height of 10", { height: "10" }, 400, "bad_request"],
  ["an unknown angle", { angle: "underneath" }, 400, "bad_request"],
  ["an unknown body type", { bodyType: "spaceship" }, 400, "bad_request"],
  ["a negative prompt over 1000 characters", { negative: "n".repeat(1001) }, 413, "too_large"],
  ["a session id over 80 characters", { session: "s".repeat(81) }, 413, "too_large"],
];

for (const [name, overrides, status, code] of cases) {
  test(`image: ${name} is ${status} ${code}`, async () => {
    const response = await get(`/v1/image?${query(shot(overrides))}`);
    assertError(await response.text(), status, response, code);
    assertAsciiHeaders(response);
  });
}

test("search: a missing or oversized brand is refused", async () => {
  const missing = await get("/v1/search/logo");
  assertError(await missing.text(), 400, missing, "bad_request");
  const long = await logo("b".repeat(101));
  assertError(long.text, 413, long.response, "too_large");
});

test("nothing was sent upstream for bad input", async () => {
  const { counters } = await fakeLog();
  for (const [provider, counts] of Object.entries(counters)) {
    assert.equal(counts.calls, 0, `${provider} was called`);
  }
});

test("image: a malformed percent escape is kept as typed, not a 500", async () => {
  const response = await get("/v1/image?prompt=100%ZZ%20red&seed=1&angle=front&bodyType=sedan&color=red");
  assert.equal(response.status, 200);
  await response.arrayBuffer();
});

test("bytes that are not UTF-8 once decoded are refused, not replaced", async () => {
  for (const path of [
    "/v1/image?prompt=%E2%28%A1&seed=1&angle=front&bodyType=sedan&color=red",
    "/v1/search/logo?brand=%FF%FE",
  ]) {
    const response = await get(path);
    assert.equal(response.status, 400, path);
    const body = await response.json();
    assert.equal(body.error.code, "bad_request");
    assert.match(body.error.message, /not valid UTF-8/);
  }
});

test("preflight for an unknown route is a 404; a wrong method names the allowed ones", async () => {
  const preflight = await get("/nope", { method: "OPTIONS", headers: { origin: "http://127.0.0.1:3000" } });
  assert.equal(preflight.status, 404);
  const wrong = await get("/v1/health", { method: "POST" });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get("allow"), "GET, OPTIONS");
  assert.match(wrong.headers.get("vary") ?? "", /Origin/);
});
