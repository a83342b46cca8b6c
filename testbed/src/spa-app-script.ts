import { livePollHoldMs, spaLivePollPath, spaTrapLinks } from './spa-trap-pages.js';

const trapLinksJson = JSON.stringify(spaTrapLinks.map(({ href, text }) => ({ href, text })));
const livePath = spaTrapLinks.find((trap) => trap.kind === 'never-idle')!.href;
const spinnerPath = spaTrapLinks.find((trap) => trap.kind === 'busy-loop')!.href;

/**
 * The app's whole client: plain ES5-style JavaScript served as /app.js, no build step. It routes
 * on location.pathname: "/" is an infinite-scroll listing fed by /api/listings?page=N (the next
 * page loads when the end of the list comes near the viewport; there are no pagination links), and
 * "/ad/ID" renders /api/ads/ID with its photos loaded lazily (data-src swapped in near the
 * viewport, or the browser's loading="lazy"). Every link exists only once this has run. The
 * listing's footer links the two trap pages (spa-trap-pages.ts), which this also renders.
 */
export const spaAppScript = String.raw`(function () {
  'use strict';
  var app = document.getElementById('app');
  var siteName = 'Night Scroll';

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var lazyImages = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          var image = entry.target;
          image.src = image.getAttribute('data-src');
          image.removeAttribute('data-src');
          lazyImages.unobserve(image);
        });
      }, { rootMargin: '200px' })
    : null;

  function lazyImage(picture, index) {
    var image = element('img', { width: String(picture.width), height: String(picture.height), alt: picture.alt, 'class': 'lazy' });
    if (index % 2 === 1 || lazyImages === null) {
      image.setAttribute('loading', 'lazy');
      image.src = picture.src;
    } else {
      image.setAttribute('data-src', picture.src);
      lazyImages.observe(image);
    }
    return image;
  }

  function header() {
    var top = element('header');
    top.appendChild(element('a', { href: '/', 'class': 'logo' }, siteName));
    app.appendChild(top);
  }

  function showListing() {
    document.title = 'Companions near you | ' + siteName;
    header();
    app.appendChild(element('h1', {}, 'Latest ads'));
    var status = element('p', { 'class': 'count' }, 'Loading…');
    var list = element('section', { 'class': 'cards' });
    var sentinel = element('div', { id: 'load-more', 'aria-hidden': 'true' });
    app.appendChild(status);
    app.appendChild(list);
    app.appendChild(sentinel);
    var footer = element('footer');
    ${trapLinksJson}.forEach(function (link) {
      footer.appendChild(element('a', { href: link.href }, link.text));
      footer.appendChild(document.createTextNode(' '));
    });
    app.appendChild(footer);
    var next = 1;
    var pages = 1;
    var loading = false;

    function nearTheEnd() {
      return sentinel.getBoundingClientRect().top < window.innerHeight + 300;
    }

    function load() {
      if (loading || next > pages) return;
      loading = true;
      fetch('/api/listings?page=' + next, { headers: { accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('listing page ' + next + ': HTTP ' + response.status);
          return response.json();
        })
        .then(function (data) {
          pages = data.pages;
          data.ads.forEach(function (ad) {
            var card = element('article', { 'class': 'card' });
            var heading = element('h2');
            heading.appendChild(element('a', { href: ad.href }, ad.title));
            card.appendChild(heading);
            if (ad.thumbnail) card.appendChild(lazyImage(ad.thumbnail, 0));
            card.appendChild(element('p', { 'class': 'snippet' }, ad.city + ' · ' + ad.snippet));
            list.appendChild(card);
          });
          next = data.page + 1;
          status.textContent = next > pages ? 'All ' + data.total + ' ads shown' : 'Showing ' + list.children.length + ' of ' + data.total + ' ads';
          if (next > pages) app.setAttribute('data-listing-complete', 'true');
          loading = false;
          if (nearTheEnd()) load();
        })
        .catch(function (error) {
          loading = false;
          status.textContent = 'Could not load more ads (' + error.message + ')';
        });
    }

    window.addEventListener('scroll', function () {
      if (nearTheEnd()) load();
    }, { passive: true });
    load();
  }

  function showAd(id) {
    header();
    fetch('/api/ads/' + id, { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (ad) {
        document.title = ad.title + ' | ' + siteName;
        var article = element('article', { 'class': 'ad', id: 'ad-' + ad.id });
        article.appendChild(element('h1', {}, ad.title));
        article.appendChild(element('p', { 'class': 'location' }, 'Location: ' + ad.location));
        var posted = element('p', { 'class': 'posted' }, 'Posted: ');
        posted.appendChild(element('time', { datetime: ad.postedAt }, ad.postedText));
        article.appendChild(posted);
        var body = element('div', { 'class': 'ad-body' });
        ad.paragraphs.forEach(function (text) { body.appendChild(element('p', {}, text)); });
        article.appendChild(body);
        var links = element('ul', { 'class': 'contact-links' });
        ad.links.forEach(function (link) {
          var item = element('li');
          item.appendChild(element('a', { href: link.href }, link.text));
          links.appendChild(item);
        });
        article.appendChild(links);
        var gallery = element('div', { 'class': 'gallery' });
        ad.pictures.forEach(function (picture, index) { gallery.appendChild(lazyImage(picture, index)); });
        article.appendChild(gallery);
        app.appendChild(article);
        var back = element('p');
        back.appendChild(element('a', { href: '/' }, 'Back to the ads'));
        app.appendChild(back);
        app.setAttribute('data-ad-loaded', 'true');
      })
      .catch(function (error) {
        document.title = 'Ad not found | ' + siteName;
        app.appendChild(element('h1', {}, 'This ad is not available'));
        app.appendChild(element('p', {}, error.message));
      });
  }

  function showLiveChat() {
    document.title = 'Live chat | ' + siteName;
    header();
    app.appendChild(element('h1', {}, 'Live chat'));
    var status = element('p', { 'class': 'status' }, 'Connecting…');
    app.appendChild(status);
    var polls = 0;
    // Long polls that overlap: a new one starts halfway through the hold of the last, so one is
    // always in flight even when a loaded machine is slow to start the next.
    function poll() {
      polls++;
      fetch('${spaLivePollPath}?poll=' + polls, { cache: 'no-store' })
        .then(function (response) { return response.json(); })
        .then(function () { status.textContent = 'No one online (' + polls + ' checks)'; })
        .catch(function () {});
      setTimeout(poll, ${livePollHoldMs / 2});
    }
    poll();
  }

  function spinForever() {
    document.title = 'Special offers | ' + siteName;
    header();
    app.appendChild(element('h1', {}, 'Special offers'));
    app.appendChild(element('p', {}, 'Loading offers…'));
    // A hostile or broken script: the renderer never gets control back.
    var spins = 0;
    while (true) spins++;
  }

  var ad = /^\/ad\/(\d+)$/.exec(location.pathname);
  if (ad) showAd(ad[1]);
  else if (location.pathname === '${livePath}') showLiveChat();
  else if (location.pathname === '${spinnerPath}') spinForever();
  else showListing();
})();
`;
