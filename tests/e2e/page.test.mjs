// The page end to end: a real browser fills the spec form of the built Next.js app, the wasm
// module asks the worker for every shot, and the cards fill in.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  ARTIFACTS,
  PAGE,
  PHONE,
  fillSpec,
  generate,
  launch,
  openPage,
  readCards,
  requireServices,
  waitForSeries,
} from './browser.mjs';

/** Misspellings and nicknames in cars.json, and the make the page must read them as. */
const TYPOS = {
  chevy: 'Chevrolet',
  chevroelt: 'Chevrolet',
  maxda: 'Mazda',
  toyouta: 'Toyota',
  vokswagen: 'Volkswagen',
  vw: 'Volkswagen',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LANDED = ['ok', 'fallback'];

let browser;

before(async () => {
  await requireServices();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

describe('a series from the page', () => {
  test('three angles land with one session id and three seeds', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Mazda',
      model: 'CX-30',
      year: 2021,
      color: 'red',
      bodyType: 'crossover',
      angles: ['front-three-quarter', 'side', 'rear-three-quarter'],
    });
    await generate(page);
    const cards = await waitForSeries(page, 3);

    assert.deepEqual(
      cards.map((c) => c.angle),
      ['front-three-quarter', 'side', 'rear-three-quarter'],
    );
    for (const card of cards) {
      assert.ok(LANDED.includes(card.status), `${card.angle}: ${card.status} ${card.error}`);
      assert.ok(card.width > 0, `${card.angle}: the image did not load`);
    }
    assert.equal(new Set(cards.map((c) => c.seed)).size, 3);
    assert.equal(cards[0].alt, 'Front three-quarter view of a 2021 Mazda CX-30, red crossover');

    const sessions = await page.getByTestId('session-id').allTextContents();
    assert.equal(sessions.length, 1);
    assert.match(sessions[0], UUID);
    assert.equal(await page.getByTestId('progress').getAttribute('value'), '3');
    assert.deepEqual(page.errors, []);

    await page.screenshot({ path: join(ARTIFACTS, 'series.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(ARTIFACTS, 'series-phone.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    await page.close();
  });

  test('replay gives the same session and seeds; a typo is corrected', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'maxda',
      model: 'rx3',
      year: 1973,
      color: 'blue',
      bodyType: 'coupe',
      angles: ['front', 'side'],
    });
    await page.getByTestId('note-brand').getByText('maxda → Mazda').waitFor();
    await generate(page);
    const first = await waitForSeries(page, 2);
    const session = await page.getByTestId('session-id').textContent();
    assert.match(await page.getByTestId('notes').textContent(), /maxda.*→.*Mazda/);

    await page.getByTestId('replay').click();
    const again = await waitForSeries(page, 2);
    assert.equal(await page.getByTestId('session-id').textContent(), session);
    assert.deepEqual(
      again.map((c) => c.seed),
      first.map((c) => c.seed),
    );
    assert.ok(again.every((c) => c.width > 0));

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: PAGE });
    await page.getByTestId('copy-session').click();
    await page.getByTestId('copy-session').getByText('Copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), session);

    await page.getByTestId('new-series').click();
    await page.getByTestId('series-empty').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'brand');
    await page.close();
  });

  test('download all shots saves one file per shot', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Volvo',
      model: '245',
      year: 1978,
      color: 'dark green',
      bodyType: 'wagon',
      angles: ['side', 'rear'],
    });
    await generate(page);
    await waitForSeries(page, 2);

    const names = [];
    const saved = new Promise((resolve) => {
      page.on('download', (download) => {
        names.push(download.suggestedFilename());
        if (names.length === 2) {
          resolve();
        }
      });
    });
    await page.getByTestId('download-all').click();
    await saved;
    assert.deepEqual(names.map((n) => n.replace(/-\d+\.\w+$/, '')).sort(), [
      'volvo-245-1978-rear',
      'volvo-245-1978-side',
    ]);
    await page.close();
  });
});

describe('real cars from vega-datasets', () => {
  // The package exports only its loader, so cars.json is read beside it.
  const entry = fileURLToPath(import.meta.resolve('vega-datasets'));
  const cars = JSON.parse(readFileSync(join(dirname(entry), '../data/cars.json'), 'utf8'));
  const picks = spread(cars, 12);
  const typo = cars.find((c) => c.Name.startsWith('toyouta '));
  if (typo && !picks.includes(typo)) {
    picks.push(typo);
  }

  const colours = ['red', 'white', 'silver', 'dark blue', 'green', 'black', '#c0a060'];
  const sets = [
    ['front-three-quarter', 'side'],
    ['front', 'rear-three-quarter', 'interior'],
    ['side', 'rear'],
  ];

  test(`${picks.length} cars spread across cars.json each get a full series`, async (t) => {
    const page = await openPage(browser.context);
    for (const [i, car] of picks.entries()) {
      const spec = carSpec(car, colours[i % colours.length], sets[i % sets.length]);
      await t.test(`${car.Name} (${spec.year})`, async () => {
        await fillSpec(page, spec);
        await generate(page);
        const cards = await waitForSeries(page, spec.angles.length);

        for (const card of cards) {
          assert.ok(LANDED.includes(card.status), `${card.angle}: ${card.status} ${card.error}`);
          assert.ok(card.width > 0, `${card.angle}: no image`);
        }
        assert.equal(new Set(cards.map((c) => c.seed)).size, spec.angles.length);
        const title = await page.getByTestId('series-car').textContent();
        assert.match(title, new RegExp(`^${spec.year} `));
        const fixed = TYPOS[spec.brand];
        if (fixed) {
          assert.ok(title.startsWith(`${spec.year} ${fixed} `), title);
          const notes = await page.getByTestId('notes').textContent();
          assert.match(notes, new RegExp(`${spec.brand}.*→.*${fixed}`));
        }
      });
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('text and bad input', () => {
  test('a Unicode spec goes through every layer', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Škoda',
      model: 'Октавия',
      year: 2020,
      color: '🚗 red',
      bodyType: 'hatchback',
      angles: ['front-three-quarter', 'side'],
    });
    await generate(page);
    const cards = await waitForSeries(page, 2);

    assert.ok(cards.every((c) => LANDED.includes(c.status) && c.width > 0), JSON.stringify(cards));
    assert.equal(await page.getByTestId('series-car').textContent(), '2020 Škoda Октавия');
    assert.equal(cards[1].alt, 'Side view of a 2020 Škoda Октавия, 🚗 red hatchback');
    assert.equal(await page.getByTestId('banner').count(), 0);
    assert.equal(await page.locator('.field-error').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a two-digit year is refused beside the year field', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Mazda',
      model: 'CX-30',
      year: '21',
      color: 'red',
      bodyType: 'crossover',
    });
    await page.getByTestId('generate').click();

    const error = page.getByTestId('field-year').getByTestId('error-year');
    await error.waitFor();
    assert.match(await error.textContent(), /21/);
    assert.equal(await page.getByTestId('year').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'year');
    assert.equal(await page.getByTestId('series-empty').count(), 1);

    await page.getByTestId('year').fill('2021');
    await error.waitFor({ state: 'detached' });
    await page.close();
  });

  test('no angles is refused beside the angles', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: 'Audi',
      model: 'A4',
      year: 2015,
      color: 'grey',
      bodyType: 'sedan',
      angles: [],
    });
    await page.getByTestId('generate').click();
    await page.getByTestId('angles').getByTestId('error-angles').waitFor();
    await page.close();
  });

  test('every bad field shows its own error at once', async () => {
    const page = await openPage(browser.context);
    await fillSpec(page, {
      brand: '',
      model: 'A4',
      year: '21',
      color: '',
      bodyType: 'sedan',
      angles: [],
    });
    await page.getByTestId('generate').click();
    await page.getByTestId('error-angles').waitFor();

    const shown = async (id) => (await page.getByTestId(id).textContent()).trim();
    assert.equal(await shown('error-brand'), 'Brand is required');
    assert.match(await shown('error-year'), /21/);
    assert.equal(await shown('error-color'), 'Colour is required');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'brand');
    await page.close();
  });
});

describe('failures, retries and cancelling', () => {
  test('an unreachable worker fails each shot, and retry runs that angle alone', async () => {
    // Port 9 (discard) on loopback: nothing listens, so every request is refused at once.
    const page = await openPage(browser.context, 'http://127.0.0.1:9');
    await fillSpec(page, {
      brand: 'Fiat',
      model: '128',
      year: 1972,
      color: 'yellow',
      bodyType: 'sedan',
      angles: ['front', 'side'],
    });
    await generate(page);
    const cards = await waitForSeries(page, 2);
    assert.deepEqual(
      cards.map((c) => c.status),
      ['failed', 'failed'],
    );
    assert.match(cards[0].error, /network/);

    const requests = [];
    page.on('request', (r) => r.url().includes('/v1/image') && requests.push(new URL(r.url())));
    await page.locator('[data-angle=side]').getByTestId('retry').click();
    const retried = await waitForSeries(page, 2);
    assert.deepEqual(
      retried.map((c) => c.seed),
      cards.map((c) => c.seed),
    );
    assert.ok(requests.length >= 1);
    assert.ok(requests.every((u) => u.searchParams.get('angle') === 'side'));
    assert.equal(requests[0].searchParams.get('seed'), cards[1].seed);
    await page.close();
  });

  test('cancel stops a series in flight', async () => {
    const page = await openPage(browser.context);
    // Hold every image request so the series is still running when Cancel is pressed.
    await page.route('**/v1/image?**', () => {});
    await fillSpec(page, {
      brand: 'Saab',
      model: '99',
      year: 1975,
      color: 'white',
      bodyType: 'sedan',
      angles: ['front', 'side', 'rear'],
    });
    await page.getByTestId('generate').click();
    await page.locator('[data-testid=series][data-running=true]').waitFor();
    await page.getByTestId('cancel').click();

    const cards = await waitForSeries(page, 3, 10_000);
    assert.deepEqual(
      cards.map((c) => c.status),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'generate');
    await page.close();
  });

  test('the form works with the keyboard alone', async () => {
    const page = await openPage(browser.context);
    await page.getByTestId('brand').focus();
    await page.keyboard.type('Volkswagen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Golf');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1979');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'bodyType');
    await page.keyboard.press('Tab');
    await page.keyboard.type('white');
    await page.keyboard.press('Enter');

    await waitForSeries(page, 4);
    assert.ok((await readCards(page)).every((c) => c.width > 0));
    await page.close();
  });
});

/** `count` entries spread evenly from the first to the last. */
function spread(list, count) {
  const step = (list.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => list[Math.round(i * step)]);
}

/** A spec from one row of cars.json: make and model from its name, the year from its date. */
function carSpec(car, color, angles) {
  const [brand, ...model] = car.Name.trim().split(/\s+/);
  const year = Number(car.Year.slice(0, 4));
  const name = car.Name;
  const bodyType = /\(sw\)|wagon/.test(name) ? 'wagon' : /pickup/.test(name) ? 'pickup' : 'sedan';
  return { brand, model: model.join(' '), year, color, bodyType, angles };
}
