// Draws the extension's icon (a step ladder: the stages of an escalation) at
// each size the stores and browsers ask for, into public/icon/. Run by hand
// when the design changes: `node scripts/make-icons.mjs`.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumFlags, findBrowser } from './browsers.mjs';

const sizes = [16, 32, 48, 96, 128];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#1d4f91"/>
  <path d="M24 100 H48 V78 H70 V56 H92 V30 H104" fill="none" stroke="#fff" stroke-width="12"
    stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="104" cy="30" r="10" fill="#f2b705"/>
</svg>`;

mkdirSync('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: chromiumFlags });
const page = await browser.newPage();
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`Icons written to public/icon/ at ${sizes.join(', ')} px`);
