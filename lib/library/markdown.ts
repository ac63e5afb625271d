/** @module lib/library/markdown — one saved article as Markdown with YAML front matter. */

import type { ArticleRecord, SavedPageRecord } from '../db/schema';

/** A YAML scalar, always double-quoted and escaped (a title with a colon or a quote stays one string). */
function yamlString(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, ' ').trim());
}

/** The front matter: what the library knows about the article, in fixed key order. */
export function frontMatter(article: ArticleRecord, page: SavedPageRecord | undefined): string {
  const lines = ['---', `title: ${yamlString(article.title)}`, `url: ${yamlString(article.url)}`];
  lines.push(`site: ${yamlString(page?.siteName ?? article.site)}`);
  if (page?.byline) lines.push(`byline: ${yamlString(page.byline)}`);
  if (page?.publishedAt) lines.push(`published: ${yamlString(page.publishedAt)}`);
  if (article.savedAt !== undefined) lines.push(`saved: ${yamlString(new Date(article.savedAt).toISOString())}`);
  if (page?.lang) lines.push(`lang: ${yamlString(page.lang)}`);
  if (page?.imageUrl) lines.push(`image: ${yamlString(page.imageUrl)}`);
  lines.push(`tags: [${article.tags.map(yamlString).join(', ')}]`);
  const names = article.names.filter((n) => n.entityId);
  if (names.length) {
    lines.push('entities:');
    for (const n of names)
      lines.push(`  - { id: ${yamlString(n.entityId ?? '')}, name: ${yamlString(n.name)}, kind: ${n.kind} }`);
  } else lines.push('entities: []');
  lines.push('---', '', '');
  return lines.join('\n');
}

const ESCAPE_RE = /([\\`*_[\]#<>|])/g;

function inline(node: Node): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += (child.nodeValue ?? '').replace(/\s+/g, ' ').replace(ESCAPE_RE, '\\$1');
    else if (child.nodeType === 1) out += inlineElement(child as Element);
  }
  return out;
}

function inlineElement(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const inner = () => inline(el).trim();
  switch (tag) {
    case 'br':
      return '  \n';
    case 'strong':
    case 'b': {
      const t = inner();
      return t ? `**${t}**` : '';
    }
    case 'em':
    case 'i': {
      const t = inner();
      return t ? `*${t}*` : '';
    }
    case 'code':
      return `\`${(el.textContent ?? '').replace(/`/g, '')}\``;
    case 'a': {
      const href = el.getAttribute('href');
      const t = inner();
      return href && /^(https?:|mailto:)/.test(href) ? `[${t}](${href.replace(/[()\s]/g, encodeURIComponent)})` : t;
    }
    case 'img': {
      const src = el.getAttribute('src') ?? el.getAttribute('data-bs-src');
      const alt = (el.getAttribute('alt') ?? '').replace(ESCAPE_RE, '\\$1');
      return src && /^https?:/.test(src) ? `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)})` : '';
    }
    default:
      return inline(el);
  }
}

function blocks(node: Node, out: string[], prefix = ''): void {
  let para = '';
  const flush = () => {
    const t = para.replace(/[ \t]+\n/g, '  \n').trim();
    if (t) out.push(prefix + t);
    para = '';
  };
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      para += (child.nodeValue ?? '').replace(/\s+/g, ' ').replace(ESCAPE_RE, '\\$1');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      const t = inline(el).trim();
      if (t) out.push(`${prefix}${'#'.repeat(Number(heading[1]))} ${t}`);
    } else if (tag === 'p' || tag === 'figcaption') {
      flush();
      const t = inline(el).trim();
      if (t) out.push(prefix + t);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      let n = 1;
      const items: string[] = [];
      for (const li of el.children) {
        if (li.tagName.toLowerCase() !== 'li') continue;
        items.push(`${prefix}${tag === 'ol' ? `${n++}.` : '-'} ${inline(li).trim()}`);
      }
      if (items.length) out.push(items.join('\n'));
    } else if (tag === 'blockquote') {
      flush();
      blocks(el, out, `${prefix}> `);
    } else if (tag === 'pre') {
      flush();
      out.push(`${prefix}\`\`\`\n${(el.textContent ?? '').replace(/```/g, '` ` `')}\n\`\`\``);
    } else if (tag === 'hr') {
      flush();
      out.push(`${prefix}---`);
    } else if (
      ['div', 'section', 'article', 'figure', 'header', 'footer', 'main', 'table', 'tbody', 'tr', 'td', 'th'].includes(
        tag,
      )
    ) {
      flush();
      blocks(el, out, prefix);
    } else {
      para += inlineElement(el);
    }
  }
  flush();
}

/** The Markdown of reader HTML already parsed (a sanitized fragment or element). */
export function htmlToMarkdown(root: Node): string {
  const out: string[] = [];
  blocks(root, out);
  return `${out.join('\n\n')}\n`;
}

/** The whole file: front matter, the title as a heading, then the body. */
export function articleMarkdown(article: ArticleRecord, page: SavedPageRecord | undefined, body: Node): string {
  return `${frontMatter(article, page)}# ${article.title.replace(ESCAPE_RE, '\\$1')}\n\n${htmlToMarkdown(body)}`;
}

/** A file name for an article: its title, made safe, with the extension. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80)
    .toLowerCase();
  return `${base || 'article'}.${extension}`;
}
