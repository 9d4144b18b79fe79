// The page against upstreams that misbehave: the fake providers started by `cargo xtask test`
// are told to be slow or to fail, and the page must show each shot as it lands, degrade one
// shot at a time, and replay a series without calling the provider again.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import {
  fillSpec,
  generate,
  launch,
  openPage,
  readCards,
  requireServices,
  waitForSeries,
} from './browser.mjs';

const FAKES = process.env.TURNTABLE_FAKE_UPSTREAM;
const SIX = ['front', 'front-three-quarter', 'side', 'rear-three-quarter', 'rear', 'interior'];

async function control(route, behaviour = {}) {
  const response = await fetch(`${FAKES}/_control/${route}`, {
    method: 'POST',
    body: JSON.stringify(behaviour),
  });
  assert.ok(response.ok, `control ${route}: ${response.status}`);
}

async function counters() {
  const response = await fetch(`${FAKES}/_control/log`);
  return (await response.json()).counters;
}

let browser;

before(async () => {
  assert.ok(FAKES, 'TURNTABLE_FAKE_UPSTREAM is not set: run this suite with `cargo xtask test`');
  await requireServices();
  browser = await launch();
});

afterEach(() => control('reset'));

after(async () => {
  await browser?.close();
});

describe('the page against misbehaving upstreams', () => {
  test('six cards fill in as their shots land, before the slowest one', async () => {
    await control('reset');
    // The first image call is slow; the other five answer at once.
    await control('openai', { mode: 'slow', delayMs: 1800, times: 1 });
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Peugeot', model: '308 SW', year: 2022, color: 'blue', bodyType: 'wagon', angles: SIX,
    });
    await generate(page);

    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('[data-testid=shot-card]')];
      return cards.filter((c) => c.dataset.status === 'pending').length === 1 && cards.length === 6;
    }, null, { timeout: 10_000 });
    const early = await readCards(page);
    assert.equal(early.filter((c) => c.status === 'ok' && c.width > 0).length, 5);

    const cards = await waitForSeries(page, 6);
    assert.ok(cards.every((c) => c.status === 'ok' && c.provider === 'openai'), JSON.stringify(cards));
    await page.close();
  });

  test('one failing angle degrades alone to the embedded renderer', async () => {
    await control('reset');
    await control('openai', { mode: 'garbage', times: 1 });
    await control('pollinations', { mode: 'fail', times: 10 });
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Citroën', model: 'C5 Aircross', year: 2023, color: 'white', bodyType: 'crossover',
      angles: ['front', 'side', 'rear'],
    });
    await generate(page);
    const cards = await waitForSeries(page, 3);

    const statuses = cards.map((c) => c.status).sort();
    assert.deepEqual(statuses, ['fallback', 'ok', 'ok']);
    const fallback = cards.find((c) => c.status === 'fallback');
    assert.equal(fallback.provider, 'embedded');
    assert.ok(cards.every((c) => c.width > 0));
    await page.close();
  });

  test('replay gives the same seeds and costs the upstream nothing', async () => {
    await control('reset');
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Škoda', model: 'Octavia', year: 2020, color: 'grey', bodyType: 'wagon',
      angles: ['front-three-quarter', 'interior'],
    });
    await generate(page);
    const first = await waitForSeries(page, 2);
    assert.ok(first.every((c) => c.cache === 'miss'), JSON.stringify(first));
    const images = await page.$$eval('[data-testid=shot-image]', (imgs) => imgs.map((i) => i.src));
    const calls = (await counters()).openai.calls;

    await page.getByTestId('replay').click();
    await page.waitForFunction((old) => {
      const now = [...document.querySelectorAll('[data-testid=shot-image]')];
      return now.length === old.length && now.every((img, i) => img.src !== old[i] && img.complete);
    }, images, { timeout: 15_000 });
    const again = await waitForSeries(page, 2);

    assert.deepEqual(again.map((c) => c.seed), first.map((c) => c.seed));
    assert.ok(again.every((c) => c.status === 'ok' && c.width > 0), JSON.stringify(again));
    assert.equal((await counters()).openai.calls, calls, 'the replay called the image provider');
    await page.close();
  });
});
