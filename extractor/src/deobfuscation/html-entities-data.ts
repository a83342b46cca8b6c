/**
 * The named HTML character references that matter for contact details: the characters addresses,
 * numbers and links are written with, and the spaces, dashes and invisible characters put between
 * them. A name outside this list is left as written (a letter entity such as "&eacute;" never
 * changes what the extractor reads).
 */
export const namedHtmlEntities: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  commat: '@', period: '.', comma: ',', colon: ':', semi: ';', excl: '!', quest: '?', num: '#',
  dollar: '$', percnt: '%', lpar: '(', rpar: ')', ast: '*', midast: '*', plus: '+', equals: '=',
  sol: '/', bsol: '\\', lowbar: '_', UnderBar: '_', grave: '`', Hat: '^', verbar: '|', vert: '|', VerticalLine: '|',
  lsqb: '[', lbrack: '[', rsqb: ']', rbrack: ']', lcub: '{', lbrace: '{', rcub: '}', rbrace: '}',
  hyphen: '-', dash: '-', ndash: '-', mdash: '-', minus: '-', horbar: '-',
  middot: '·', centerdot: '·', bull: '•',
  nbsp: ' ', ensp: ' ', emsp: ' ', emsp13: ' ', emsp14: ' ', numsp: ' ', puncsp: ' ', thinsp: ' ', hairsp: ' ', NonBreakingSpace: ' ',
  Tab: '\t', NewLine: '\n',
  shy: '', zwj: '', zwnj: '', ZeroWidthSpace: '', NoBreak: '',
};
