// Source of syntaxes/mermaid.tmLanguage.json (run `node syntaxes/src/build.mjs`).
//
// A TextMate grammar for Mermaid *flowcharts* (`flowchart`/`graph`), the diagram type the
// traffic-path preview exports. Other diagram types only get their header keyword, comments,
// directives and strings. Root scope `source.mermaid.kube-service-lens`, not `source.mermaid`:
// several Mermaid extensions register `source.mermaid` (or `markdown.mermaid.codeblock`), and two
// grammars with one scope name replace each other in VS Code. Theme and injection selectors written
// for `source.mermaid` still match, since selectors match scope prefixes. See docs/grammars.md.
//
// Covered: `%%` comments, `%%{init: ...}%%` directives, YAML front matter, `flowchart LR|TD|...`,
// `subgraph ... end`, `direction`, node shapes (`[..]`, `(..)`, `([..])`, `[(..)]`, `[[..]]`,
// `((..))`, `(((..)))`, `{..}`, `{{..}}`, `>..]`, `[/../]`, `[\..\]`, `[/..\]`, `[\../]`,
// `@{ .. }`), quoted labels with `#quot;`-style entities and inline HTML, edges (`-->`, `---`,
// `-.->`, `==>`, `~~~`, `--o`, `--x`, `<-->`, `o--o`, longer variants), edge text (`-- text -->`,
// `-. text .->`, `== text ==>`, `-->|text|`), `&`, `:::class`, `classDef`, `class`, `style`,
// `linkStyle`, `click`, `accTitle`/`accDescr`, `;`.

export const scopeName = 'source.mermaid.kube-service-lens';

const ID = String.raw`\w+(?:-\w+)*`;
// Start of a statement: start of the line (or of the embedded block: `\G` after Markdown's
// fence/list prefixes) or right after a `;`.
const STMT = String.raw`(?:^|\G|(?<=;))[ \t]*`;
const STMT_END = String.raw`(?=[ \t]*(?:;|$))`;

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Node shapes, longest opener first: rules that begin at the same position are tried in order.
const SHAPES = [
  ['double-circle', '(((', [')))']],
  ['circle', '((', ['))']],
  ['stadium', '([', ['])']],
  ['cylinder', '[(', [')]']],
  ['subroutine', '[[', [']]']],
  ['parallelogram', '[/', ['/]', '\\]']],
  ['parallelogram-alt', '[\\', ['\\]', '/]']],
  ['hexagon', '{{', ['}}']],
  ['rhombus', '{', ['}']],
  ['round', '(', [')']],
  ['rect', '[', [']']],
  ['asymmetric', '>', [']']],
];

function shapeRule(name, open, closes) {
  const close = closes.map(esc).join('|');
  return {
    comment: `node shape ${open}...${closes[0]}`,
    begin: `(?<=\\w)(${esc(open)})`,
    end: `(${close})`,
    beginCaptures: { 1: { name: 'punctuation.definition.shape.begin.mermaid' } },
    endCaptures: { 1: { name: 'punctuation.definition.shape.end.mermaid' } },
    name: `meta.shape.${name}.mermaid`,
    patterns: [
      { include: '#string-double' },
      { include: '#entity' },
      { include: '#html-tag' },
      {
        comment: 'unquoted label text up to the closer',
        match: `(?:(?!${close}|#\\w+;|</?[A-Za-z])[^"])+`,
        name: 'string.unquoted.label.mermaid',
      },
    ],
  };
}

// Edge operators.
const HEAD = String.raw`(?:>|[ox](?!\w))`;
const ARROW = String.raw`(?:<|(?<!\w)[ox])?(?:-{2,}(?=${HEAD})|-{3,}|={2,}(?=${HEAD})|={3,}|-\.+-|~{3,})${HEAD}?`;
// Text between the two halves of an edge: anything but `|`, not starting with another operator char.
// Bounded, so that a long line with many `--` and no closing arrow stays linear.
const EDGE_TEXT = String.raw`[^\s|\-=.][^|]{0,300}?`;

function textEdge(comment, open, close, kind) {
  return {
    comment,
    match: String.raw`(<?${open})[ \t]+(${EDGE_TEXT})[ \t]+(${close})`,
    captures: {
      1: { name: `keyword.operator.arrow.${kind}.mermaid` },
      2: { name: 'string.unquoted.edge-label.mermaid', patterns: [{ include: '#label-content' }] },
      3: { name: `keyword.operator.arrow.${kind}.mermaid` },
    },
  };
}

function cssStatement(comment, head, captures) {
  return {
    comment,
    begin: `${STMT}${head}`,
    end: STMT_END,
    beginCaptures: captures,
    patterns: [{ include: '#css' }],
  };
}

export function grammar() {
  const repository = {
    comment: {
      comment: '%% comment (Mermaid comments take a line of their own)',
      match: String.raw`(?:^|\G)[ \t]*((%%)(?!\{).*)$`,
      captures: {
        1: { name: 'comment.line.percentage.mermaid' },
        2: { name: 'punctuation.definition.comment.mermaid' },
      },
    },
    directive: {
      comment: '%%{init: {...}}%% directive',
      begin: String.raw`(%%\{)[ \t]*(init|initialize|config|wrap)?`,
      end: String.raw`(\}%%)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.directive.begin.mermaid' },
        2: { name: 'keyword.other.directive.mermaid' },
      },
      endCaptures: { 1: { name: 'punctuation.definition.directive.end.mermaid' } },
      name: 'meta.directive.mermaid',
      patterns: [{ include: '#json' }],
    },
    json: {
      patterns: [
        {
          match: String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[ \t]*(?=:)`,
          name: 'support.type.property-name.mermaid',
        },
        { include: '#string-double' },
        { include: '#string-single' },
        { match: String.raw`-?\b\d+(?:\.\d+)?\b`, name: 'constant.numeric.mermaid' },
        { match: String.raw`\b(?:true|false|null)\b`, name: 'constant.language.mermaid' },
        { match: String.raw`\b[A-Za-z_]\w*(?=[ \t]*:)`, name: 'support.type.property-name.mermaid' },
        { match: '[{}\\[\\]]', name: 'punctuation.section.mermaid' },
        { match: '[:,]', name: 'punctuation.separator.mermaid' },
      ],
    },
    'front-matter': {
      comment: 'YAML front matter (--- ... ---) before the diagram',
      begin: String.raw`(?:^|\G)[ \t]*(---)[ \t]*$`,
      end: String.raw`(?:^|\G)[ \t]*(---)[ \t]*$`,
      beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.mermaid' } },
      endCaptures: { 1: { name: 'punctuation.definition.frontmatter.end.mermaid' } },
      contentName: 'meta.embedded.block.frontmatter.mermaid',
      patterns: [{ include: 'source.yaml' }],
    },
    flowchart: {
      comment: 'flowchart/graph header; the rest of the diagram is its body',
      begin: String.raw`(?:^|\G)[ \t]*(flowchart-elk|flowchart|graph)\b(?:[ \t]+(TB|TD|BT|RL|LR)\b)?`,
      end: '(?!)',
      beginCaptures: {
        1: { name: 'keyword.control.diagram.flowchart.mermaid' },
        2: { name: 'constant.language.direction.mermaid' },
      },
      name: 'meta.diagram.flowchart.mermaid',
      patterns: [{ include: '#flowchart-body' }],
    },
    'other-diagram': {
      comment: 'header of another diagram type: only the keyword is scoped',
      match: String.raw`(?:^|\G)[ \t]*(sequenceDiagram|classDiagram(?:-v2)?|stateDiagram(?:-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|C4Context|C4Container|C4Component|C4Dynamic|C4Deployment|mindmap|timeline|zenuml|sankey-beta|xychart-beta|block-beta|packet-beta|kanban|architecture-beta|radar-beta)\b`,
      captures: { 1: { name: 'keyword.control.diagram.mermaid' } },
    },
    'flowchart-body': {
      patterns: [
        { include: '#comment' },
        { include: '#directive' },
        { include: '#subgraph' },
        { include: '#end' },
        { include: '#direction' },
        { include: '#class-def' },
        { include: '#class-statement' },
        { include: '#style' },
        { include: '#link-style' },
        { include: '#click' },
        { include: '#accessibility' },
        { include: '#edge' },
        { include: '#shape' },
        { include: '#class-shorthand' },
        { match: String.raw`(?<=[\s\w\]\)\}])&(?=\s|\w)`, name: 'keyword.operator.and.mermaid' },
        { match: ';', name: 'punctuation.terminator.statement.mermaid' },
        { match: ID, name: 'variable.other.node.mermaid' },
        { include: '#string-double' },
      ],
    },
    subgraph: {
      comment: 'subgraph [id] [title]',
      begin: `${STMT}(subgraph)\\b`,
      end: STMT_END,
      beginCaptures: { 1: { name: 'keyword.control.subgraph.mermaid' } },
      name: 'meta.subgraph.mermaid',
      patterns: [
        { match: `\\G[ \\t]+(${ID})`, captures: { 1: { name: 'entity.name.type.subgraph.mermaid' } } },
        {
          comment: 'title in brackets, with or without a space after the id',
          begin: String.raw`[ \t]*(\[)`,
          end: String.raw`(\])`,
          beginCaptures: { 1: { name: 'punctuation.definition.shape.begin.mermaid' } },
          endCaptures: { 1: { name: 'punctuation.definition.shape.end.mermaid' } },
          patterns: [
            { include: '#string-double' },
            { include: '#entity' },
            { include: '#html-tag' },
            { match: String.raw`(?:(?!\]|#\w+;|</?[A-Za-z])[^"])+`, name: 'string.unquoted.label.mermaid' },
          ],
        },
        { include: '#string-double' },
        { match: String.raw`[^\s;"\[][^;"\[]*?(?=[ \t]*(?:;|$))`, name: 'string.unquoted.title.mermaid' },
      ],
    },
    end: {
      match: `${STMT}(end)\\b${STMT_END}`,
      captures: { 1: { name: 'keyword.control.end.mermaid' } },
    },
    direction: {
      match: String.raw`${STMT}(direction)[ \t]+(TB|TD|BT|RL|LR)\b`,
      captures: {
        1: { name: 'keyword.other.direction.mermaid' },
        2: { name: 'constant.language.direction.mermaid' },
      },
    },
    'class-def': cssStatement('classDef name[,name] css', String.raw`(classDef)[ \t]+([\w-]+(?:[ \t]*,[ \t]*[\w-]+)*)`, {
      1: { name: 'keyword.other.classdef.mermaid' },
      2: { name: 'entity.name.type.class.mermaid', patterns: [{ match: ',', name: 'punctuation.separator.mermaid' }] },
    }),
    'class-statement': {
      comment: 'class id[,id] className',
      match: String.raw`${STMT}(class)[ \t]+(${ID}(?:[ \t]*,[ \t]*${ID})*)[ \t]+([\w-]+)`,
      captures: {
        1: { name: 'keyword.other.class.mermaid' },
        2: {
          patterns: [
            { match: ID, name: 'variable.other.node.mermaid' },
            { match: ',', name: 'punctuation.separator.mermaid' },
          ],
        },
        3: { name: 'entity.name.type.class.mermaid' },
      },
    },
    style: cssStatement('style id css', String.raw`(style)[ \t]+(${ID})`, {
      1: { name: 'keyword.other.style.mermaid' },
      2: { name: 'variable.other.node.mermaid' },
    }),
    'link-style': cssStatement('linkStyle default|n[,n] [interpolate curve] css', String.raw`(linkStyle)[ \t]+(?:(default)|(\d+(?:[ \t]*,[ \t]*\d+)*))`, {
      1: { name: 'keyword.other.linkstyle.mermaid' },
      2: { name: 'constant.language.default.mermaid' },
      3: {
        patterns: [
          { match: String.raw`\d+`, name: 'constant.numeric.integer.mermaid' },
          { match: ',', name: 'punctuation.separator.mermaid' },
        ],
      },
    }),
    click: {
      comment: 'click id [href] "url" ["tooltip"] [target] | click id [call] callback[(args)] ["tooltip"]',
      begin: String.raw`${STMT}(click)[ \t]+(${ID})`,
      end: STMT_END,
      beginCaptures: {
        1: { name: 'keyword.other.click.mermaid' },
        2: { name: 'variable.other.node.mermaid' },
      },
      patterns: [
        { match: String.raw`\b(?:href|call)\b`, name: 'keyword.other.mermaid' },
        { match: String.raw`\b_(?:blank|self|parent|top)\b`, name: 'constant.language.link-target.mermaid' },
        { include: '#string-double' },
        {
          begin: String.raw`\b([A-Za-z_$][\w$.]*)(\()`,
          end: String.raw`(\))`,
          beginCaptures: {
            1: { name: 'entity.name.function.mermaid' },
            2: { name: 'punctuation.definition.arguments.begin.mermaid' },
          },
          endCaptures: { 1: { name: 'punctuation.definition.arguments.end.mermaid' } },
          patterns: [
            { include: '#string-double' },
            { match: String.raw`-?\b\d+(?:\.\d+)?\b`, name: 'constant.numeric.mermaid' },
            { match: ',', name: 'punctuation.separator.mermaid' },
          ],
        },
        { match: String.raw`\b[A-Za-z_$][\w$.]*\b`, name: 'entity.name.function.mermaid' },
      ],
    },
    accessibility: {
      match: String.raw`${STMT}(accTitle|accDescr)[ \t]*(:)[ \t]*(.*)$`,
      captures: {
        1: { name: 'keyword.other.accessibility.mermaid' },
        2: { name: 'punctuation.separator.mermaid' },
        3: { name: 'string.unquoted.mermaid' },
      },
    },
    edge: {
      patterns: [
        textEdge('-- text -->', '--', String.raw`-{2,}${HEAD}|-{3,}`, 'solid'),
        textEdge('== text ==>', '==', String.raw`={2,}${HEAD}|={3,}`, 'thick'),
        textEdge('-. text .->', String.raw`-\.`, String.raw`\.+-+${HEAD}?`, 'dotted'),
        {
          comment: 'plain edge, optionally with |text|',
          match: String.raw`(${ARROW})(?:[ \t]*(\|)([^|]*)(\|))?`,
          captures: {
            1: { name: 'keyword.operator.arrow.mermaid' },
            2: { name: 'punctuation.definition.edge-label.begin.mermaid' },
            3: { name: 'string.unquoted.edge-label.mermaid', patterns: [{ include: '#label-content' }] },
            4: { name: 'punctuation.definition.edge-label.end.mermaid' },
          },
        },
      ],
    },
    shape: {
      patterns: [
        {
          comment: 'id@{ shape: ..., label: "..." } (Mermaid 11 shape syntax)',
          begin: String.raw`(?<=\w)(@\{)`,
          end: String.raw`(\})`,
          beginCaptures: { 1: { name: 'punctuation.definition.shape.begin.mermaid' } },
          endCaptures: { 1: { name: 'punctuation.definition.shape.end.mermaid' } },
          name: 'meta.shape.extended.mermaid',
          patterns: [
            { match: String.raw`\b[A-Za-z]\w*(?=[ \t]*:)`, name: 'support.type.property-name.mermaid' },
            { include: '#string-double' },
            { match: '[:,]', name: 'punctuation.separator.mermaid' },
            { match: String.raw`\b\d+(?:\.\d+)?\b`, name: 'constant.numeric.mermaid' },
            { match: String.raw`\b(?:true|false)\b`, name: 'constant.language.mermaid' },
            { match: String.raw`[\w-]+`, name: 'support.constant.mermaid' },
          ],
        },
        ...SHAPES.map(([name, open, closes]) => shapeRule(name, open, closes)),
      ],
    },
    'class-shorthand': {
      match: String.raw`(:::)([\w-]+)`,
      captures: {
        1: { name: 'punctuation.separator.class.mermaid' },
        2: { name: 'entity.name.type.class.mermaid' },
      },
    },
    css: {
      patterns: [
        {
          match: String.raw`([\w-]+)[ \t]*(:)`,
          captures: {
            1: { name: 'support.type.property-name.mermaid' },
            2: { name: 'punctuation.separator.key-value.mermaid' },
          },
        },
        { match: String.raw`#(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3,4})\b`, name: 'constant.other.color.rgb-value.hex.mermaid' },
        { match: String.raw`-?\b\d+(?:\.\d+)?(?:px|em|rem|pt|%)?(?![\w-])`, name: 'constant.numeric.mermaid' },
        {
          match: String.raw`\b(interpolate)[ \t]+(\w+)`,
          captures: { 1: { name: 'keyword.other.interpolate.mermaid' }, 2: { name: 'support.constant.curve.mermaid' } },
        },
        { match: ',', name: 'punctuation.separator.mermaid' },
        { include: '#string-double' },
        { match: String.raw`[A-Za-z][\w-]*`, name: 'support.constant.property-value.mermaid' },
      ],
    },
    'label-content': {
      patterns: [{ include: '#string-double' }, { include: '#entity' }, { include: '#html-tag' }],
    },
    'string-double': {
      begin: '"',
      end: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mermaid' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.mermaid' } },
      name: 'string.quoted.double.mermaid',
      patterns: [{ include: '#entity' }, { include: '#html-tag' }],
    },
    'string-single': {
      begin: "'",
      end: "'",
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mermaid' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.mermaid' } },
      name: 'string.quoted.single.mermaid',
    },
    entity: {
      comment: 'Mermaid entity codes: #quot; #35; #9829;',
      match: String.raw`(#)(?:[A-Za-z][A-Za-z0-9]*|\d+)(;)`,
      name: 'constant.character.entity.mermaid',
      captures: {
        1: { name: 'punctuation.definition.entity.mermaid' },
        2: { name: 'punctuation.definition.entity.mermaid' },
      },
    },
    'html-tag': {
      comment: 'inline HTML in labels, e.g. <br/>, <b>..</b>',
      match: String.raw`(</?)([A-Za-z][\w-]*)([^<>"]*?)(/?>)`,
      name: 'meta.tag.inline.mermaid',
      captures: {
        1: { name: 'punctuation.definition.tag.begin.mermaid' },
        2: { name: 'entity.name.tag.mermaid' },
        4: { name: 'punctuation.definition.tag.end.mermaid' },
      },
    },
  };
  return {
    $schema: 'https://json.schemastore.org/tmlanguage.json',
    name: 'Mermaid (flowcharts, Kubernetes Service Lens)',
    scopeName,
    comment:
      'Contributed by the Kubernetes Service Lens extension for .mmd files and ```mermaid fences. Generated from syntaxes/src/mermaid.mjs: edit that file and run `node syntaxes/src/build.mjs`. See docs/grammars.md.',
    fileTypes: ['mmd', 'mermaid'],
    patterns: [
      { include: '#comment' },
      { include: '#directive' },
      { include: '#front-matter' },
      { include: '#flowchart' },
      { include: '#other-diagram' },
      { include: '#string-double' },
    ],
    repository,
  };
}
