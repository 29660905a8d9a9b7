#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Opens each HTML file in Debian's Chromium (through playwright-core, never a
// browser of its own) at a phone and a desktop width, runs axe-core on it and
// fails on any serious or critical violation. It also measures what axe does
// not: text that overflows the page sideways, chart text smaller than 10 px
// as drawn, and visible text outside every element a reader expects (a stray
// character). With --shots DIR it saves a full-page screenshot per width, and
// with --pdf DIR the page printed to PDF, so a person can look at them;
// --tile H cuts the screenshots into pieces H pixels high.
//   node axe-check.js [--shots DIR [--tile H]] [--pdf DIR] FILE.html...
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const WIDTHS = [390, 1280];
const MIN_CHART_TEXT_PX = 10;

function parseArgs(argv) {
  const opt = { shots: null, pdf: null, tile: 0, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shots') opt.shots = argv[++i];
    else if (argv[i] === '--tile') opt.tile = parseInt(argv[++i], 10);
    else if (argv[i] === '--pdf') opt.pdf = argv[++i];
    else opt.files.push(argv[i]);
  }
  return opt;
}

// What a reader could see go wrong that axe does not report. Runs in the page.
function layoutProblems(minChartPx) {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1)
    problems.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
  for (const t of document.querySelectorAll('svg text')) {
    const r = t.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // hidden layout
    const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
    if (px < minChartPx - 0.05)
      problems.push(`chart text "${t.textContent.slice(0, 30)}" is ${px.toFixed(1)}px`);
  }
  for (const wrap of document.querySelectorAll('.table-wrap')) {
    if (wrap.scrollWidth > wrap.clientWidth + 1 && window.innerWidth >= 1000)
      problems.push(`a table (${wrap.querySelector('caption')?.textContent}) scrolls sideways`);
  }
  // Text straight in <body>, <div class=page> or <main> belongs to no element
  // a reader expects: a stray character left by a template or a renderer.
  for (const host of [document.body, ...document.querySelectorAll('body > div, main')]) {
    for (const n of host.childNodes)
      if (n.nodeType === Node.TEXT_NODE && n.textContent.trim())
        problems.push(`stray text ${JSON.stringify(n.textContent.trim().slice(0, 30))} in <${host.localName}>`);
  }
  return problems;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (!opt.files.length) {
    console.error('usage: axe-check.js [--shots DIR] [--pdf DIR] FILE.html...');
    process.exit(2);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
  // The flags that keep Chromium off the network: this machine has none, and
  // without them Chromium keeps trying Google's hosts.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    bypassCSP: true, // axe is a script; the pages forbid scripts, as they must
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    const page = context.pages()[0] || (await context.newPage());
    // Nothing may leave the page: count any request that is not the file itself.
    const outside = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    for (const file of opt.files) {
      const url = 'file://' + path.resolve(file);
      const name = path.basename(file, '.html');
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        outside.length = 0;
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(axe.source);
        const result = await page.evaluate(() =>
          axe.run(document, { resultTypes: ['violations'] }));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        for (const v of bad) {
          failed++;
          const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
          console.log(`${file} @${width}px: axe ${v.impact} ${v.id}: ${v.help} (${where})`);
        }
        for (const v of result.violations.filter((x) => !bad.includes(x)))
          console.log(`${file} @${width}px: note: axe ${v.impact} ${v.id}: ${v.help}`);
        for (const p of await page.evaluate(layoutProblems, MIN_CHART_TEXT_PX)) {
          failed++;
          console.log(`${file} @${width}px: ${p}`);
        }
        for (const u of outside) {
          failed++;
          console.log(`${file} @${width}px: requested ${u}`);
        }
        if (opt.shots) {
          fs.mkdirSync(opt.shots, { recursive: true });
          const base = path.join(opt.shots, `${name}-${width}`);
          if (!opt.tile) {
            await page.screenshot({ path: `${base}.png`, fullPage: true });
          } else {
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            for (let y = 0, k = 1; y < height; y += opt.tile, k++)
              await page.screenshot({ path: `${base}-${k}.png`, fullPage: true,
                clip: { x: 0, y, width, height: Math.min(opt.tile, height - y) } });
          }
        }
      }
      if (opt.pdf) {
        fs.mkdirSync(opt.pdf, { recursive: true });
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: path.join(opt.pdf, `${name}.pdf`), preferCSSPageSize: true, printBackground: true });
        await page.emulateMedia({ media: 'screen' });
      }
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`axe: ${opt.files.length} pages at ${WIDTHS.join(' and ')} px, ${failed} problems`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`axe-check: ${e.message}`);
  process.exit(3);
});
