import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlPage } from './html-document.js';
import { renderVisibleText } from './visible-text.js';

const render = (html: string): string => renderVisibleText(parseHtmlPage(html, 'http://site.test/').root);

describe('renderVisibleText', () => {
  it('puts blocks on their own lines and collapses whitespace', () => {
    assert.equal(render('<body><h1>  Title </h1><p>one\n   two</p><div>three<br>four</div><ul><li>a</li><li>b</li></ul></body>'), 'Title\none two\nthree\nfour\na\nb');
  });

  it('keeps inline elements in the line and separates table cells', () => {
    assert.equal(render('<p>Call <b>me</b> at <a href="tel:1">702</a>-555</p><table><tr><td>Age</td><td>24</td></tr></table>'), 'Call me at 702-555\nAge 24');
  });

  it('leaves out scripts, styles, templates, svg, noscript and hidden elements', () => {
    const html = '<p>a<script>var x = "702-555-0199"</script><style>p{}</style><noscript>no js</noscript><template>tpl</template><svg><text>svg</text></svg><span hidden>h</span><span style="display: none">n</span><span style="visibility:hidden">v</span>b</p>';
    assert.equal(render(html), 'ab');
  });

  it('decodes entities and keeps no-break spaces as content', () => {
    assert.equal(render('<p>Tom &amp; Jerry&nbsp;&#x41;&lt;3</p>'), 'Tom & Jerry\u00a0A<3');
  });

  it('keeps line structure inside <pre>', () => {
    assert.equal(render('<pre>line one\n  line two</pre>'), 'line one\nline two');
  });

  it('renders markup without a body and malformed markup without throwing', () => {
    assert.equal(render('just text <b>bold <i>both</b> italic?'), 'just text bold both italic?');
    assert.equal(render('<div><p>unclosed <div>nested</span></p>'), 'unclosed\nnested');
  });

  it('renders deep nesting without overflowing the stack', () => {
    const depth = 5_000;
    assert.equal(render(`${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}`), 'deep');
  });
});
