// The search page in a real browser: Debian's chromium, driven by playwright-core, against a real
// `vind serve` on a free loopback port, and the same box in a real Jekyll site (site/, built with
// Debian's jekyll during the test and served on loopback) whose results must land on the built
// pages. axe-core checks WCAG 2.1 AA. Run by CTest (tests/CMakeLists.txt) with VIND_BINARY and
// VIND_SOURCE_DIR set; VIND_SCREENSHOTS=DIR also saves the page empty, with completions, results
// and filters, no results and a corrected typo, and a document page with "Zie ook", each at 1280
// and 390 px wide (empty-1280.png, completions-390.png, … document-390.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const binary = process.env.VIND_BINARY;
const source = process.env.VIND_SOURCE_DIR;
assert.ok(binary && source, 'VIND_BINARY and VIND_SOURCE_DIR must be set (ctest sets them)');

let dir, server, base, dikes, dikeBase, browser, siteServer, siteVind, site;

function startServer(db, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--port', '0', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /^vind: serving .* on (http:\/\/[0-9.]+:\d+)\//m.exec(log);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`vind serve exited (${code}): ${log}`)));
  });
}

// The built site as a static host serves it: "/faq/" is /faq/index.html.
function startSite(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const http = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = readFileSync(join(root, path));
      response.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end('niet gevonden');
    }
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

// 25 FAQ pages about one subject, dated 2019 to 2023, four questions each: more documents than
// a page of grouped results, and years to filter on. An index of their own, so that the bundled
// corpus ranks here as tests/related_test.cc and tests/http_server_test.cc have it.
function writeDikes(folder) {
  mkdirSync(folder);
  for (let i = 1; i <= 25; i++) {
    const year = 2019 + (i % 5);
    const sections = ['Wanneer begint de dijkversterking', 'Blijft het fietspad open', 'Hoe lang duurt het werk',
      'Waar staat de planning'].map((q, n) => `## ${n + 1}. ${q} bij dijkvak ${i}?\n` +
      `Het waterschap versterkt dijkvak ${i} ${'met klei en zand '.repeat(n + 1)}in ${year}.\n`).join('\n');
    writeFileSync(join(folder, `dijkvak-${String(i).padStart(2, '0')}.md`),
      `---\ntitle: Dijkvak ${i}\n---\n# Dijkversterking dijkvak ${i}\n**Laatste update:** *${i} maart ${year}*\n\n${sections}`);
  }
}

// The fixture site with the FAQ page, vind's include and its script and style, built by jekyll
// with vind_endpoint pointing at a vind serve that indexed the site's source tree, its URLs
// under --base-url: the static host's address.
async function buildSite() {
  const src = join(dir, 'site-src');
  cpSync(join(source, 'tests/e2e/site'), src, { recursive: true });
  cpSync(join(source, 'web/_includes/vind-search.html'), join(src, '_includes/vind-search.html'));
  mkdirSync(join(src, 'assets'));
  for (const file of ['vind-search.js', 'vind-search.css']) cpSync(join(source, 'web', file), join(src, 'assets', file));
  const faq = readFileSync(join(source, 'corpus/faq-hack-clinical-diagnostics.md'), 'utf8');
  writeFileSync(join(src, 'faq.md'), faq.replace('---\nlayout: page\n', '---\nlayout: default\npermalink: /faq/\n'));
  const db = join(dir, 'site-db');
  siteServer = await startSite(join(dir, 'site'));
  site = `http://127.0.0.1:${siteServer.address().port}`;
  // The search page is only an include of vind's widget: no text to find, so left out, and so are
  // layouts, includes and drafts, as Jekyll leaves them out; the script and style are counted, not
  // failed. execFileSync throws on any exit code but 0: a deploy step would fail.
  const report = execFileSync(binary, ['index', '--db', db, '--base-url', site, src],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.match(report, /^files seen: 7, indexed: 4, unchanged: 0, skipped: 0, removed: 0, left out: 1\n/);
  assert.match(report, /\nskipped 2 files that are not documents: 1 \.css, 1 \.js\n/);
  siteVind = await startServer(db, ['--allow-origin', site]);
  writeFileSync(join(dir, 'endpoint.yml'), `vind_endpoint: ${siteVind.url}\n`);
  execFileSync('jekyll', ['build', '--quiet', '--source', src, '--destination', join(dir, 'site'),
    '--config', `${join(src, '_config.yml')},${join(dir, 'endpoint.yml')}`], { stdio: 'ignore' });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vind-e2e-'));
  const db = join(dir, 'db');
  execFileSync(binary, ['index', '--db', db, join(source, 'corpus'), join(source, 'tests/data/xss.txt')],
    { stdio: 'ignore' });
  server = await startServer(db);
  base = server.url;
  writeDikes(join(dir, 'dijken'));
  execFileSync(binary, ['index', '--db', join(dir, 'dikes-db'), join(dir, 'dijken')], { stdio: 'ignore' });
  dikes = await startServer(join(dir, 'dikes-db'));
  dikeBase = dikes.url;
  await buildSite();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.child.kill('SIGTERM');
  if (dikes) dikes.child.kill('SIGTERM');
  if (siteVind) siteVind.child.kill('SIGTERM');
  if (siteServer) siteServer.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A page that fails the test on any dialog (alert() from injected markup) or script error.
async function openPage(viewport = { width: 1000, height: 800 }, url = base + '/') {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('dialog', async (dialog) => { problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

// axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations, as "rule: target".
async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

// WCAG's contrast ratio of two "rgb(r, g, b)" colours.
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b2] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The visible text of a snippet is the JSON's, marks and escapes undone.
function snippetText(html) {
  return html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

async function typeQuery(page, text) {
  const box = page.getByRole('combobox', { name: 'Zoeken in de documenten' });
  await box.fill('');
  await box.pressSequentially(text, { delay: 30 });
  return box;
}

// The query sent with Enter and the JSON it was answered with, once the page shows it.
async function enterQuery(page, text) {
  const answer = page.waitForResponse((r) => r.url().includes('/api/search') && r.url().includes('partial=false') &&
    !r.url().includes('document='));
  const box = page.getByRole('combobox', { name: 'Zoeken in de documenten' });
  await box.fill(text);
  await box.press('Enter');
  const body = await (await answer).json();
  await waitForStatus(page, /resulta/);
  return body;
}

async function waitForStatus(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[role="status"]').textContent),
    pattern.source);
  return page.getByRole('status').innerText();
}

// Each result's passages as "document#anchor", per result, as the page shows them.
function shownPassages(page) {
  return page.locator('.vind-result').evaluateAll((items) => items.map((item) =>
    Array.from(item.querySelectorAll('a.vind-result-link'), (a) => decodeURIComponent(a.getAttribute('href').replace('/doc/', '')))));
}

// The page's width beyond the window's; 0 when it fits.
function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// The "Zie ook" of the document page's section that is linked to, once loaded: its links' targets.
async function relatedShown(page) {
  const links = page.locator('section:target .vind-related-panel a.vind-result-link');
  await links.first().waitFor();
  return links.evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href').replace('/doc/', ''))));
}

// A Kamervragen hit spent three lines on the header and the whole question (issue 16, item 10).
test('a Kamervragen result is named by who answered, its questions cut to a line', async () => {
  const { page, problems } = await openPage();
  await enterQuery(page, 'gegevens');
  const first = page.locator('.vind-result').first();
  assert.equal(await first.locator('.vind-result-title').innerText(), 'Antwoord van staatssecretaris Tielen · 1 september 2025');
  assert.deepEqual(await first.locator('.vind-result-link').allInnerTexts(), [
    'Vraag 2: Hoe beoordeelt u het feit dat gegevens, inclusief…',
    'Vraag 12: Wat kan de overheid nog doen als gegevens eenmaal op het dark web…',
    'Vraag 1: Kunt u bevestigen dat het datalek bij laboratorium Clinical…']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('typing a query shows ranked results with highlighted snippets', async () => {
  const { page, problems } = await openPage();
  await typeQuery(page, 'losgeld betaald');
  const first = page.locator('.vind-result').first();
  // Not the answer to "losgeld b" still typed, whose prefix finds more.
  await waitForStatus(page, /voor „losgeld betaald”\.$/);
  await first.locator('.vind-result-link').first().filter({ hasText: '4. Wie zit erachter en is er losgeld betaald?' }).waitFor();
  assert.equal(await first.locator('.vind-result-title').innerText(), 'FAQ – Hack bij Clinical Diagnostics/ NMDL · 13 oktober 2025');
  const marks = await first.locator('.vind-passage').first().locator('.vind-snippet mark').allInnerTexts();
  assert.ok(marks.includes('losgeld') && marks.includes('betaald'), `marks: ${marks}`);
  assert.match(await page.getByRole('status').innerText(), /^\d+ resulta(at|ten) voor „losgeld betaald”\.$/);
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
  assert.match(await status.innerText(), /^\d+ resulta(at|ten) voor „losgeld” \(u typte „losgelt”\)\.$/);
  await typeQuery(page, 'qqxyzzy');
  await page.waitForFunction(() => document.querySelector('.vind-status').textContent.startsWith('Geen'));
  assert.equal(await status.innerText(), 'Geen resultaten voor „qqxyzzy”.');
  // Nothing to filter: no empty "Soort" and "Periode" beside no results.
  assert.equal(await page.locator('.vind-filters').isVisible(), false);
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
    /^\d+ resulta(at|ten) voor „losgeld”\. Niet alle delen van de index antwoordden; er kunnen resultaten ontbreken\.$/);
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
  assert.equal(heading, "Vraag 1: Wat gebeurt er met <script>alert('xss')</script> in een…");  // cut to a line
  await page.goto(base + '/doc/xss#vraag-1');
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.waitForTimeout(100);  // an onerror handler would have fired by now
  assert.deepEqual(problems, []);
  await page.close();
});

for (const width of [360, 390]) {
  test(`the page, its filters and a document page with "Zie ook" fit a phone ${width} px wide`, async () => {
    const { page } = await openPage({ width, height: 800 });
    await typeQuery(page, 'wat moet ik doen met phishing');
    await page.locator('.vind-result').first().waitFor();
    await page.getByRole('group', { name: 'Filters' }).waitFor();
    assert.ok(await overflow(page) <= 0, `page is ${await overflow(page)}px wider than the phone`);
    const label = await page.locator('label.vind-label').boundingBox();
    assert.ok(label.width <= width);
    // Above the results, not beside them.
    const filters = await page.getByRole('group', { name: 'Filters' }).boundingBox();
    const results = await page.locator('.vind-results').boundingBox();
    assert.ok(filters.y + filters.height <= results.y, `filters end at ${filters.y + filters.height}, results start at ${results.y}`);
    await page.locator('summary', { hasText: 'Eigen periode' }).click();
    await page.getByLabel('Tot en met').waitFor();
    assert.ok(await overflow(page) <= 0, `with the period open the page is ${await overflow(page)}px wider than the phone`);
    await page.goto(base + '/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
    await relatedShown(page);
    assert.ok(await overflow(page) <= 0, `document page is ${await overflow(page)}px wider than the phone`);
    await page.close();
  });
}

test('every snippet shows the JSON snippet\'s text, spaces around the marks and all', async () => {
  const { page } = await openPage();
  const body = await enterQuery(page, 'losgeld betaald');
  const passages = body.results.flatMap((hit) => [hit, ...hit.more]);
  await page.waitForFunction((n) => document.querySelectorAll('.vind-snippet').length === n, passages.length);
  assert.ok(passages.length > 1);
  assert.deepEqual(await page.locator('.vind-snippet').allTextContents(), passages.map((hit) => snippetText(hit.snippet)));
  assert.ok(passages.some((hit) => hit.snippet.includes('</mark> <mark>')), 'a space between two marks is tested');
  await page.close();
});

test('one result per document, its best passages under it, and "Meer uit dit document" lists the rest', async () => {
  const { page, problems } = await openPage();
  const body = await enterQuery(page, 'gegevens');
  assert.equal(body.group, 'document');
  const faq = 'faq-hack-clinical-diagnostics';
  const answers = 'kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01';
  assert.equal(await page.getByRole('status').innerText(), '2 resultaten voor „gegevens”.');
  assert.deepEqual(await shownPassages(page), [
    [`${answers}#vraag-2`, `${answers}#vraag-12`, `${answers}#vraag-1`],
    [`${faq}#12-hoe-bepaal-ik-zelf-wat-met-mijn-gegevens-gebeurt`, `${faq}#2-hoeveel-mensen-zijn-getroffen`,
      `${faq}#5-zijn-andere-bevolkingsonderzoeken-geraakt`]]);
  const second = page.locator('.vind-result').nth(1);
  const expand = second.getByRole('button', { name: /^Meer uit dit document/ });
  assert.equal(await expand.evaluate((b) => b.textContent), 'Meer uit dit document (nog 12) „FAQ – Hack bij Clinical Diagnostics/ NMDL”');
  await second.getByRole('button', { name: 'Meer uit dit document (nog 12) „FAQ – Hack bij Clinical Diagnostics/ NMDL”' }).waitFor();
  // From the keyboard: Tab reaches it, Enter loads the rest, and focus goes to the first that came.
  await expand.focus();
  await page.keyboard.press('Enter');
  assert.equal(await waitForStatus(page, /meer uit/), '12 passages meer uit „FAQ – Hack bij Clinical Diagnostics/ NMDL”.');
  const everything = await (await fetch(`${base}/api/search?q=gegevens&document=${faq}&limit=50`)).json();
  assert.deepEqual((await shownPassages(page))[1], everything.results.map((hit) => `${faq}#${hit.anchor}`));
  assert.equal(everything.results.length, 15);
  assert.equal(await second.locator('a.vind-result-link').nth(3).evaluate((a) => a === document.activeElement), true);
  assert.equal(await expand.count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a filter narrows the results with counts beside it, is in the address, and Back and Forward restore it', async () => {
  const { page, problems } = await openPage();
  await enterQuery(page, 'gegevens');
  const filters = page.getByRole('group', { name: 'Filters' });
  assert.deepEqual(await filters.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.parentNode.textContent)),
    [' Kamervragen (16)', ' FAQ (15)']);
  await filters.getByRole('checkbox', { name: 'FAQ (15)' }).check();
  assert.equal(await waitForStatus(page, /soort FAQ/), '1 resultaat voor „gegevens”, soort FAQ.');
  assert.equal(new URL(page.url()).search, '?q=gegevens&soort=faq');
  assert.equal(await page.locator('.vind-result').count(), 1);
  // The other kind is still offered, with its count over the query without the kind filter.
  assert.equal(await filters.getByRole('checkbox', { name: 'Kamervragen (16)' }).isChecked(), false);
  assert.equal(await filters.getByRole('checkbox', { name: 'FAQ (15)' }).evaluate((b) => b === document.activeElement), true);
  await page.goBack();
  assert.equal(await waitForStatus(page, /^2 resultaten/), '2 resultaten voor „gegevens”.');
  assert.equal(await filters.getByRole('checkbox', { name: 'FAQ (15)' }).isChecked(), false);
  await page.goForward();
  await waitForStatus(page, /soort FAQ/);
  assert.equal(await filters.getByRole('checkbox', { name: 'FAQ (15)' }).isChecked(), true);

  // The year, and a period of one's own.
  await page.goto(dikeBase + '/?q=dijkversterking');
  assert.equal(await waitForStatus(page, /^25 resultaten/), '25 resultaten voor „dijkversterking”.');
  const year = page.getByRole('combobox', { name: 'Jaar' });
  assert.deepEqual(await year.locator('option').allInnerTexts(),
    ['Alle jaren', '2023 (20)', '2022 (20)', '2021 (20)', '2020 (20)', '2019 (20)']);
  await year.selectOption('2021');
  assert.equal(await waitForStatus(page, /uit 2021/), '5 resultaten voor „dijkversterking”, uit 2021.');
  assert.equal(new URL(page.url()).search, '?q=dijkversterking&jaar=2021');
  assert.deepEqual((await page.locator('.vind-result-title time').evaluateAll((ts) => ts.map((t) => t.dateTime))).sort(),
    ['2021-03-02', '2021-03-07', '2021-03-12', '2021-03-17', '2021-03-22']);
  await page.locator('summary', { hasText: 'Eigen periode' }).click();
  await page.getByLabel('Van', { exact: true }).fill('2021-03-03');
  assert.equal(await waitForStatus(page, /van 3 maart/), '4 resultaten voor „dijkversterking”, van 3 maart 2021 tot en met 31 december 2021.');
  assert.equal(new URL(page.url()).search, '?q=dijkversterking&van=2021-03-03&tot=2021-12-31');
  assert.equal(await year.inputValue(), 'eigen');
  await page.goBack();
  assert.equal(await waitForStatus(page, /uit 2021/), '5 resultaten voor „dijkversterking”, uit 2021.');
  assert.equal(await year.inputValue(), '2021');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await waitForStatus(page, /^25 resultaten voor „dijkversterking”\.$/);
  assert.equal(new URL(page.url()).search, '?q=dijkversterking');

  // A link with the filters in it shows them chosen.
  await page.goto(base + '/?q=gegevens&soort=kamervragen');
  assert.equal(await waitForStatus(page, /soort Kamervragen/), '1 resultaat voor „gegevens”, soort Kamervragen.');
  assert.equal(await filters.getByRole('checkbox', { name: 'Kamervragen (16)' }).isChecked(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a document page shows "Zie ook" under the section linked to, and under any other on request', async () => {
  const { page, problems } = await openPage({ width: 1000, height: 800 },
    base + '/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  const answers = 'kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01';
  const related = await (await fetch(`${base}/api/related?document=faq-hack-clinical-diagnostics&anchor=4-wie-zit-erachter-en-is-er-losgeld-betaald`)).json();
  // The minister's answers on the hack, the lab and the criminals: none says "losgeld".
  assert.deepEqual(await relatedShown(page), [`${answers}#vraag-9`, `${answers}#vraag-4`, `${answers}#vraag-1`,
    `${answers}#vraag-5`, `${answers}#vraag-16`]);
  assert.deepEqual(await relatedShown(page), related.results.map((hit) => `${hit.document}#${hit.anchor}`));
  const toggle = page.locator('section:target').getByRole('button', { name: /^Zie ook/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByRole('status').innerText(), '5 verwante passages bij „4. Wie zit erachter en is er losgeld betaald?”.');
  assert.equal(await page.locator('.vind-related-panel:not([hidden])').count(), 1);
  // Another section's, from the keyboard.
  const other = page.getByRole('button', { name: 'Zie ook bij „9. Waarom kunnen ze het losgeld of de daders niet traceren?”', exact: true });
  assert.equal(await other.getAttribute('aria-expanded'), 'false');
  await other.focus();
  await page.keyboard.press('Enter');
  await waitForStatus(page, /bij „9\./);
  assert.equal(await other.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#' + await other.getAttribute('aria-controls') + ' a.vind-result-link').count(), 5);
  await page.keyboard.press('Enter');  // closes it again
  assert.equal(await other.getAttribute('aria-expanded'), 'false');
  // A related passage lands on its section, whose own "Zie ook" opens.
  await page.locator('section:target .vind-related-panel a.vind-result-link').first().click();
  await page.waitForURL(`**/doc/${answers}#vraag-9`);
  assert.ok((await relatedShown(page)).every((target) => !target.startsWith(answers)));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Enter right after typing searches the words as typed, with the completions closed', async () => {
  const { page } = await openPage();
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) asked.push(new URL(r.url()).pathname + ' ' + new URL(r.url()).searchParams.get('partial')); });
  const box = page.getByRole('combobox', { name: 'Zoeken in de documenten' });
  await box.fill('losgeld');
  // On a loaded machine the as-you-type delay may pass before Enter arrives: what was asked by then
  // is fine; after Enter only the search as typed is.
  const atEnter = asked.length;
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.vind-status').textContent.includes('resulta'));
  await page.waitForTimeout(400);  // longer than the as-you-type delay: a pending search would have run
  assert.deepEqual(asked.slice(atEnter), ['/api/search false']);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await page.close();
});

test('"Meer resultaten" adds the next page of documents, says so and moves focus to it', async () => {
  const { page } = await openPage({ width: 1000, height: 800 }, dikeBase + '/');
  await enterQuery(page, 'dijkversterking');
  const more = page.getByRole('button', { name: 'Meer resultaten' });
  await more.waitFor();
  const status = page.getByRole('status');
  const total = Number((await status.innerText()).match(/^(\d+) resultaten/)[1]);
  assert.equal(total, 25);
  assert.equal(await page.locator('.vind-result').count(), 10);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.vind-result').length === 20);
  assert.equal(await status.innerText(), `Resultaat 11 tot en met 20 van ${total} voor „dijkversterking”.`);
  assert.equal(await page.locator('.vind-result').nth(10).locator('a.vind-result-link').first()
    .evaluate((el) => el === document.activeElement), true);
  assert.equal(new URL(page.url()).search, '?q=dijkversterking&pagina=2');
  // One click per page, each waited for: a second click on a button the answer then hides
  // would wait for it in vain.
  for (let shown = 20; shown < total; shown = Math.min(shown + 10, total)) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.vind-result').length === n, Math.min(shown + 10, total));
  }
  assert.equal(await more.isVisible(), false);
  await page.waitForFunction((n) => document.querySelectorAll('.vind-result').length === n, total);
  const lastPage = Math.floor((total - 1) / 10) * 10 + 1;
  assert.equal(await status.innerText(), `Resultaat ${lastPage} tot en met ${total} van ${total} voor „dijkversterking”.`);
  // Every document once.
  const documents = (await shownPassages(page)).map((passages) => passages[0].split('#')[0]);
  assert.equal(new Set(documents).size, total);
  await page.close();
});

test('the query is in the address: a deep link, Back after a result, Back and Forward', async () => {
  const { page } = await openPage({ width: 1000, height: 800 }, dikeBase + '/?q=dijkversterking&pagina=2');
  const box = page.getByRole('combobox', { name: 'Zoeken in de documenten' });
  await page.locator('.vind-result').first().waitFor();
  assert.equal(await box.inputValue(), 'dijkversterking');
  assert.equal(await page.locator('.vind-result').count(), 20);

  await box.fill('waterschap');
  await box.press('Enter');
  await page.waitForURL(dikeBase + '/?q=waterschap');
  await page.locator('.vind-result-link').first().click();
  await page.waitForURL('**/doc/**');
  await page.goBack();
  await page.locator('.vind-result').first().waitFor();
  assert.equal(await box.inputValue(), 'waterschap');
  await page.goBack();
  await page.waitForURL(dikeBase + '/?q=dijkversterking&pagina=2');
  await page.waitForFunction(() => document.querySelector('.vind-input').value === 'dijkversterking');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('.vind-input').value === 'waterschap');
  await page.close();
});

test('an unreachable search says so in Dutch and can be tried again', async () => {
  const { page, problems } = await openPage();
  await page.route('**/api/search?**', (route) => route.abort('connectionrefused'));
  await typeQuery(page, 'losgeld');
  await page.getByRole('combobox', { name: 'Zoeken in de documenten' }).press('Enter');
  const retry = page.getByRole('button', { name: 'Opnieuw proberen' });
  await retry.waitFor();
  assert.equal(await page.getByRole('status').innerText(), 'De zoekdienst is nu niet bereikbaar. Opnieuw proberen');
  await page.unroute('**/api/search?**');
  await retry.click();
  await page.locator('.vind-result').first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('focus and the selected completion stand out 3:1, and axe finds no WCAG 2.1 AA violation', async () => {
  const { page, problems } = await openPage();
  assert.deepEqual(await accessibilityViolations(page), []);
  const box = await typeQuery(page, 'burgerser');
  await page.getByRole('option', { name: 'burgerservicenummer' }).waitFor();
  await box.press('ArrowDown');
  const option = page.getByRole('option', { name: 'burgerservicenummer' });
  const selected = await option.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.ok(contrast(selected, 'rgb(255, 255, 255)') >= 3, `selected completion ${selected}`);
  assert.deepEqual(await accessibilityViolations(page), []);
  await box.press('Escape');
  await box.press('Enter');
  await page.locator('.vind-result').first().waitFor();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
  assert.ok(contrast(ring, 'rgb(255, 255, 255)') >= 3, `focus ring ${ring}`);
  assert.deepEqual(await accessibilityViolations(page), []);
  // Grouped, with the filters shown, one chosen, the period open and a document expanded.
  await enterQuery(page, 'gegevens');
  await page.getByRole('checkbox', { name: 'Kamervragen (16)' }).check();
  await waitForStatus(page, /soort Kamervragen/);
  await page.locator('summary', { hasText: 'Eigen periode' }).click();
  await page.getByRole('button', { name: /^Meer uit dit document/ }).click();
  await waitForStatus(page, /meer uit/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.goto(base + '/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  await relatedShown(page);
  assert.deepEqual(await accessibilityViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('in a Jekyll site a result lands on its section of the built page', async () => {
  const { page, problems } = await openPage({ width: 1000, height: 700 }, site + '/zoeken/');
  await typeQuery(page, 'losgeld betaald');
  const link = page.locator('.vind-result-link').first();
  await link.filter({ hasText: '4. Wie zit erachter' }).waitFor();
  assert.equal(await link.getAttribute('href'), site + '/faq/#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  await link.click();
  await page.waitForURL(site + '/faq/#4-wie-zit-erachter-en-is-er-losgeld-betaald');
  const heading = page.locator('[id="4-wie-zit-erachter-en-is-er-losgeld-betaald"]');
  assert.equal(await heading.innerText(), '4. Wie zit erachter en is er losgeld betaald?');
  const box = await heading.boundingBox();
  assert.ok(box && Math.abs(box.y) < 2, `the heading scrolled to the top, at y=${box && box.y}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('in a Jekyll site a question answered by an include is found by its words and reads clean', async () => {
  const { page } = await openPage({ width: 1000, height: 700 }, site + '/zoeken/');
  await typeQuery(page, 'phishingmail betaalverzoek');
  const first = page.locator('.vind-result').first();
  await first.locator('.vind-result-link', { hasText: 'Hoe herken ik een phishingmail na de hack?' }).waitFor();
  const text = await first.locator('.vind-snippet').innerText();
  assert.match(text, /^Een phishingmail noemt vaak uw naam en uw bevolkingsonderzoek, en vraagt u dringend/);
  assert.doesNotMatch(text, /[*{}<>]|markdown|https?:/);
  // The fragment itself is no page of the site: no result links to it.
  const hrefs = await page.locator('a.vind-result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.filter((h) => h.includes('_includes') || h.startsWith('file:') || h.startsWith('/tmp')), []);
  await first.locator('.vind-result-link').click();
  await page.waitForURL(site + '/vragen/phishing-herkennen/**');
  assert.match(await page.locator('main').innerText(), /Een phishingmail noemt vaak uw naam/);
  await page.close();
});

// The pictures for README and review: results with filters and grouping, a document page with "Zie ook".
test('screenshots when asked for', { skip: !process.env.VIND_SCREENSHOTS }, async () => {
  const shot = (page, name, width) => page.screenshot({ path: join(process.env.VIND_SCREENSHOTS, `${name}-${width}.png`) });
  for (const width of [1280, 390]) {
    const { page } = await openPage({ width, height: width > 500 ? 860 : 844 });
    await shot(page, 'empty', width);
    await typeQuery(page, 'gegev');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await shot(page, 'completions', width);
    await enterQuery(page, 'gegevens');
    await page.getByRole('combobox', { name: 'Zoeken in de documenten' }).blur();
    await page.waitForTimeout(200);  // the suggestion list closes after a blur
    await shot(page, 'results', width);
    await enterQuery(page, 'xyzzyplugh');
    await shot(page, 'no-results', width);
    await enterQuery(page, 'losgelt betaald');
    await shot(page, 'corrected', width);
    await page.goto(base + '/doc/faq-hack-clinical-diagnostics#4-wie-zit-erachter-en-is-er-losgeld-betaald');
    await relatedShown(page);
    await shot(page, 'document', width);
    await page.close();
  }
});

test('in a Jekyll site a question without a permalink links where Jekyll wrote it, and drafts are not found', async () => {
  const { page, problems } = await openPage({ width: 1000, height: 700 }, site + '/zoeken/');
  await typeQuery(page, 'inlogcode');
  const links = page.locator('a.vind-result-link');
  await links.first().filter({ hasText: 'Ik ben mijn wachtwoord vergeten, wat nu?' }).waitFor();
  // concepten/ is in _config.yml's exclude: Jekyll builds no page of it and vind finds nothing in it.
  assert.deepEqual(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href'))),
    [site + '/vragen/wachtwoord-vergeten.html#wachtwoord-vergeten']);
  await links.first().click();
  await page.waitForURL(site + '/vragen/wachtwoord-vergeten.html#wachtwoord-vergeten');
  assert.match(await page.locator('main').innerText(), /Vraag op de inlogpagina een nieuwe inlogcode aan/);
  assert.deepEqual(problems, []);
  await page.close();
});
