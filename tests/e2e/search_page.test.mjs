// The search page in a real browser: Debian's chromium, driven by playwright-core, against a real
// `vind serve` on a free loopback port. Run by CTest (tests/CMakeLists.txt) with VIND_BINARY and
// VIND_SOURCE_DIR set; VIND_SCREENSHOT=FILE also saves a screenshot of the page with results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.env.VIND_BINARY;
const source = process.env.VIND_SOURCE_DIR;
assert.ok(binary && source, 'VIND_BINARY and VIND_SOURCE_DIR must be set (ctest sets them)');

let dir, server, base, browser;

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /^vind: serving .* on (http:\/\/[0-9.]+:\d+)\//m.exec(log);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`vind serve exited (${code}): ${log}`)));
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vind-e2e-'));
  const db = join(dir, 'db');
  execFileSync(binary, ['index', '--db', db, join(source, 'corpus'), join(source, 'tests/data/xss.txt')],
    { stdio: 'ignore' });
  server = await startServer(db);
  base = server.url;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.child.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A page that fails the test on any dialog (alert() from injected markup) or script error.
async function openPage(viewport = { width: 1000, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('dialog', async (dialog) => { problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(base + '/');
  return { page, problems };
}

async function typeQuery(page, text) {
  const box = page.getByRole('combobox', { name: 'Zoeken in de documenten' });
  await box.fill('');
  await box.pressSequentially(text, { delay: 30 });
  return box;
}

test('typing a query shows ranked results with highlighted snippets', async () => {
  const { page, problems } = await openPage();
  await typeQuery(page, 'losgeld betaald');
  const first = page.locator('.vind-result').first();
  await first.locator('.vind-result-link').filter({ hasText: '4. Wie zit erachter en is er losgeld betaald?' }).waitFor();
  assert.equal(await first.locator('.vind-result-title').innerText(), 'FAQ – Hack bij Clinical Diagnostics/ NMDL · 13 oktober 2025');
  const marks = await first.locator('.vind-snippet mark').allInnerTexts();
  assert.ok(marks.includes('losgeld') && marks.includes('betaald'), `marks: ${marks}`);
  assert.match(await page.getByRole('status').innerText(), /^\d+ resultaten? voor „losgeld betaald”\.$/);
  if (process.env.VIND_SCREENSHOT) {
    await page.getByRole('combobox').blur();
    await page.waitForTimeout(200);  // the suggestion list closes after a blur
    await page.screenshot({ path: process.env.VIND_SCREENSHOT, fullPage: false });
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a result link lands on its section of the document page', async () => {
  const { page } = await openPage();
  await typeQuery(page, 'losgeld betaald');
  const link = page.locator('.vind-result-link').first();
  await link.filter({ hasText: '4. Wie zit erachter' }).waitFor();
  assert.equal(await link.getAttribute('href'),
    '/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  await link.click();
  await page.waitForURL('**/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  const section = page.locator('section:target');
  assert.equal(await section.locator('h2').innerText(), '4. Wie zit erachter en is er losgeld betaald?');
  const box = await section.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 100, `section scrolled to the top, at y=${box && box.y}`);
  await page.close();
});

test('suggestions and results are usable from the keyboard', async () => {
  const { page, problems } = await openPage();
  const box = await typeQuery(page, 'burgerser');
  const option = page.getByRole('option', { name: 'burgerservicenummer' });
  await option.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await box.press('ArrowDown');
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
  await box.press('Enter');
  assert.equal(await box.inputValue(), 'burgerservicenummer ');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await page.locator('.vind-result-link', { hasText: '14.' }).first().waitFor();

  await box.press('ArrowDown');  // no suggestions open: into the results
  const links = page.locator('a.vind-result-link');
  assert.equal(await links.nth(0).evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('ArrowDown');
  assert.equal(await links.nth(1).evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true);
  await box.press('Escape');  // nothing open: clears the box and the results
  assert.equal(await box.inputValue(), '');
  await page.locator('.vind-result').first().waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a typo is searched corrected and an unknown word says there is nothing', async () => {
  const { page } = await openPage();
  await typeQuery(page, 'losgelt');
  const status = page.getByRole('status');
  await page.waitForFunction(() => document.querySelector('.vind-status').textContent.includes('u typte'));
  assert.match(await status.innerText(), /^\d+ resultaten? voor „losgeld” \(u typte „losgelt”\)\.$/);
  await typeQuery(page, 'qqxyzzy');
  await page.waitForFunction(() => document.querySelector('.vind-status').textContent.startsWith('Geen'));
  assert.equal(await status.innerText(), 'Geen resultaten voor „qqxyzzy”.');
  await page.close();
});

test('an answer from some shards only says results may be missing', async () => {
  const { page, problems } = await openPage();
  // What vind serve answers while a remote shard is down (tests/remote_shards_test.cc).
  await page.route('**/api/search?**', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, partial: true, missing: ['10.0.0.12:33333'] } });
  });
  await typeQuery(page, 'losgeld');
  await page.waitForFunction(() => document.querySelector('.vind-status').textContent.includes('ontbreken'));
  assert.match(await page.getByRole('status').innerText(),
    /^\d+ resultaten? voor „losgeld”\. Niet alle delen van de index antwoordden; er kunnen resultaten ontbreken\.$/);
  assert.ok((await page.locator('.vind-result').count()) > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('markup in a document stays text: no script runs, no element is made', async () => {
  const { page, problems } = await openPage();
  await typeQuery(page, 'onerror phishing');
  const snippet = page.locator('.vind-result .vind-snippet').first();
  await snippet.waitFor();
  assert.match(await snippet.innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('.vind-results img, .vind-results script').count(), 0);
  const heading = await page.locator('.vind-result-link').first().innerText();
  assert.equal(heading, "Vraag 1: Wat gebeurt er met <script>alert('xss')</script> in een phishing-bericht?");
  await page.goto(base + '/doc/xss#vraag-1');
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.waitForTimeout(100);  // an onerror handler would have fired by now
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page fits a phone', async () => {
  const { page } = await openPage({ width: 360, height: 740 });
  await typeQuery(page, 'wat moet ik doen met phishing');
  await page.locator('.vind-result').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  const label = await page.locator('label.vind-label').boundingBox();
  assert.ok(label.width <= 360);
  await page.close();
});
