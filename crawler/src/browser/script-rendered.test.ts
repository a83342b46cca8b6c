import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksScriptRendered } from './script-rendered.js';

const createReactAppShell = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Velvet Nights</title>
<link rel="stylesheet" href="/static/css/main.3f2a.css"><script defer src="/static/js/main.8c1d.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>`;

const nuxtShell = `<!DOCTYPE html><html><head><title>Listings</title><script src="/_nuxt/entry.js" type="module"></script></head>
<body><div id="__nuxt"><!-- hydrated on the client --></div><script>window.__NUXT__={config:{}}</script></body></html>`;

const nearEmptyBody = `<!doctype html><html><head><title>Ads</title></head><body>
<script src="/app.js"></script><div class="loading">Loading…</div></body></html>`;

const vueMountWithSpinner = `<html><head><title>Jobs</title></head><body>
<div id="app"><div class="spinner"></div><svg viewBox="0 0 10 10"><text>…</text></svg></div>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<p>${'Find the right job for you in minutes across many cities. '.repeat(3)}</p>
<script src="/js/app.js"></script></body></html>`;

const spanishNoscriptNotice = `<html><head><title>Anuncios</title></head><body>
<noscript><p>Por favor, activa JavaScript para ver los anuncios.</p></noscript>
<header><a href="/">Inicio</a><a href="/contacto">Contacto</a><a href="/ayuda">Ayuda</a></header>
<main class="app-shell"><h1>Anuncios</h1><p>Cargando anuncios recientes de tu ciudad…</p></main></body></html>`;

function listing(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<article class="ad"><h2><a href="/ads/${i}">Companion in Las Vegas #${i}</a></h2><p>Independent, discreet, available evenings. Call 702-555-01${String(i).padStart(2, '0')} for rates. New in town this week.</p></article>`,
  ).join('\n');
}

const serverRenderedWithTrackingPixel = `<!doctype html><html><head><title>Classifieds</title>
<script async src="https://analytics.example/tag.js"></script></head><body>
<noscript><img height="1" width="1" style="display:none" src="https://pixel.example/tr?id=123&ev=PageView&noscript=1"/></noscript>
<nav><a href="/">Home</a> <a href="/city/las-vegas">Las Vegas</a> <a href="/post">Post an ad</a></nav>
${listing(12)}
<div id="root"></div>
</body></html>`;

const nextServerRendered = `<!DOCTYPE html><html><head><title>Recruitment board</title><script src="/_next/static/chunks/main.js" defer></script></head>
<body><div id="__next"><div class="banner"></div><main><h1>Jobs abroad</h1>${listing(6)}</main></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script></body></html>`;

const serverRenderedWithCourtesyNotice = `<html><head><title>Board</title></head><body>
<noscript>Please enable JavaScript for the best experience.</noscript>${listing(15)}</body></html>`;

const shortContactPage = `<html><head><title>Contact</title></head><body><h1>Contact us</h1>
<p>Write to the editors at desk@example.org or call our office on weekdays between nine and five.</p>
<p><a href="/">Home</a> · <a href="/about">About</a> · <a href="/ads">Ads</a></p></body></html>`;

describe('looksScriptRendered', () => {
  it('says yes to script-rendered shells', () => {
    assert.equal(looksScriptRendered(createReactAppShell), true, 'empty #root with a noscript notice');
    assert.equal(looksScriptRendered(nuxtShell), true, 'empty #__nuxt');
    assert.equal(looksScriptRendered(nearEmptyBody), true, 'a body with only a loading message');
    assert.equal(looksScriptRendered(vueMountWithSpinner), true, '#app holding only a spinner, with footer text around it');
    assert.equal(looksScriptRendered(spanishNoscriptNotice), true, 'a Spanish noscript notice over a thin page');
    assert.equal(looksScriptRendered('<html><head><title>x</title></head><body></body></html>'), true, 'an empty body');
    assert.equal(looksScriptRendered(''), true, 'no HTML at all');
  });

  it('says no to server-rendered pages', () => {
    assert.equal(looksScriptRendered(serverRenderedWithTrackingPixel), false, 'a listing with a noscript tracking pixel (and a widget mount point)');
    assert.equal(looksScriptRendered(nextServerRendered), false, 'a Next.js page rendered on the server');
    assert.equal(looksScriptRendered(serverRenderedWithCourtesyNotice), false, 'a full page with a courtesy noscript notice');
    assert.equal(looksScriptRendered(shortContactPage), false, 'a short but complete page');
  });

  it('uses the visible text the caller already has', () => {
    assert.equal(looksScriptRendered(nearEmptyBody, 'Loading…'), true);
    assert.equal(looksScriptRendered(nearEmptyBody, 'A full article of text '.repeat(20)), false);
  });
});
