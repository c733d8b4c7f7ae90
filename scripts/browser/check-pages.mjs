// Opens built portal pages in Debian's chromium and fails on what a reader would hit:
// serious or critical axe-core violations (in light AND dark colour schemes, since the
// theme switches its palette with prefers-color-scheme), console errors, and any request
// that leaves the site folder (a static portal must work offline, from file://).
//
//   node check-pages.mjs SITE_DIR [SITE_DIR...]
//
// Each SITE_DIR is a built public/ folder. Pages are chosen per page type (portfolio
// index, timeline, risks, people, a few project pages, a document's own page, 404), not every page: project
// pages share one template, so three of them cover it while keeping CI time short.
// (html-validate, run by check-pages.sh, still reads every page.)
// Each page is also opened 390 px wide and fails if the whole page scrolls sideways, or if
// a risk matrix is wider than its box.
// Prints one line per page and view, then a summary; exits 1 on any failure.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Axe impacts that fail the check; "minor" and "moderate" are printed only. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/** Colour schemes every page is checked in. */
const SCHEMES = ['light', 'dark'];
/** Top-level pages, one per page type, checked when present. */
const TYPE_PAGES = ['index.html', 'timeline/index.html', 'risks/index.html', 'people/index.html', '404.html'];
/** Second pages of the cut lists of a large portfolio (more than 50 projects), checked when present. */
const PAGED_PAGES = ['page/2/index.html', 'timeline/page/2/index.html', 'risks/page/2/index.html', 'people/page/2/index.html'];
/** How many project pages to check per site (they share one template). */
const PROJECT_PAGES = 3;
/** Phone width at which no page may scroll sideways (wide tables scroll in their own box). */
const PHONE_WIDTH = 390;
/** Flags that keep chromium from phoning home or needing a GPU/sandbox in CI containers. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The pages of one site to check, as absolute paths. Project pages live at `<slug>/index.html`. */
function pagesOf(site) {
  const pages = [...TYPE_PAGES, ...PAGED_PAGES].map((p) => join(site, p)).filter((p) => existsSync(p));
  // A person's own pages (people/<name>/index.html) exist only in a large portfolio.
  const people = join(site, 'people');
  const person = existsSync(people)
    ? readdirSync(people).sort().find((d) => d !== 'page' && existsSync(join(people, d, 'index.html')))
    : undefined;
  if (person !== undefined) pages.push(join(people, person, 'index.html'));
  const typeDirs = new Set(TYPE_PAGES.map((p) => p.split('/')[0]));
  const slugs = readdirSync(site)
    .filter((d) => !typeDirs.has(d) && statSync(join(site, d)).isDirectory())
    .filter((d) => existsSync(join(site, d, 'index.html')))
    .sort();
  // First, middle and last: different slugs usually mean different health states.
  const picks = new Set([0, Math.floor(slugs.length / 2), slugs.length - 1].slice(0, PROJECT_PAGES));
  for (const i of picks) if (slugs[i] !== undefined) pages.push(join(site, slugs[i], 'index.html'));
  // A document's own page (<slug>/doc-N.html), made for projects of more than ten documents.
  const apart = slugs.find((d) => existsSync(join(site, d, 'doc-2.html')));
  if (apart !== undefined) pages.push(join(site, apart, 'doc-2.html'));
  return pages;
}

/** True when `url` may be loaded: files under the site folder, inline data, about:. */
function allowedUrl(url, siteUrl) {
  return url.startsWith(siteUrl) || url.startsWith('data:') || url.startsWith('about:');
}

/** Checks one page in one colour scheme; returns a list of failure strings. */
async function checkPage(context, file, siteUrl, scheme) {
  const failures = [];
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') failures.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => failures.push(`page error: ${err.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowedUrl(url, siteUrl)) return route.continue();
    failures.push(`request outside the site: ${url}`);
    return route.abort();
  });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Evaluated through the debugging protocol, not added as a <script>: the
  // pages' Content-Security-Policy (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'], preload: false }),
  );
  for (const v of results.violations) {
    const targets = v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ');
    const line = `axe ${v.impact} ${v.id} (${v.nodes.length}x): ${v.help} — ${targets}`;
    if (FAILING_IMPACTS.has(v.impact)) failures.push(line);
    else console.log(`    note: ${line}`);
  }
  await page.close();
  return failures;
}

/** Fails when the page is wider than a phone screen, i.e. the whole page scrolls sideways,
 *  or when a risk matrix does not fit its box (its whole 5 x 5 grid is shown on a phone). */
async function checkPhoneWidth(context, file) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const matrices = await page.evaluate(() =>
    [...document.querySelectorAll('table.matrix')].map((t) => [t.scrollWidth, t.parentElement.clientWidth]));
  await page.close();
  const failures = width > PHONE_WIDTH ? [`page is ${width}px wide at a ${PHONE_WIDTH}px viewport (sideways scroll)`] : [];
  for (const [table, box] of matrices) {
    if (table > box) failures.push(`risk matrix is ${table}px wide in a ${box}px box at a ${PHONE_WIDTH}px viewport`);
  }
  return failures;
}

async function main() {
  const sites = process.argv.slice(2).map((s) => resolve(s));
  if (sites.length === 0) {
    console.error('usage: node check-pages.mjs SITE_DIR [SITE_DIR...]');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  let checked = 0;
  let failed = 0;
  let problems = 0;
  try {
    for (const site of sites) {
      const siteUrl = pathToFileURL(site).href.replace(/\/?$/, '/');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const phone = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 844 } });
      for (const file of pagesOf(site)) {
        const views = SCHEMES.map((scheme) => [scheme, () => checkPage(context, file, siteUrl, scheme)]);
        views.push([`${PHONE_WIDTH}px`, () => checkPhoneWidth(phone, file)]);
        for (const [view, run] of views) {
          const failures = await run();
          checked += 1;
          const name = `${file.slice(site.length + 1)} [${view}]`;
          console.log(`${failures.length ? 'FAIL' : 'ok  '} ${site.split('/').slice(-2).join('/')}: ${name}`);
          for (const f of failures) console.log(`    ${f}`);
          if (failures.length) failed += 1;
          problems += failures.length;
        }
      }
      await context.close();
      await phone.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`browser check: ${checked} page views (pages x light/dark/phone), ${failed} failing, ${problems} problems`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
