// Builds the demo news page from the seed article's plain text (../shared/eval/seed/article.txt),
// laid out like a real news site: navigation, headline, byline, body, an aside and a footer.
// Usage: node scripts/make-demo-page.mjs [SEED_TEXT] > tests/fixtures/site/news/us-forces-evacuate-syria-bases.html
import { readFileSync } from 'node:fs';

const source = process.argv[2] ?? new URL('../../shared/eval/seed/article.txt', import.meta.url);
const lines = readFileSync(source, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const [updated, headline, standfirst, byline, imageAlt, caption, , , ...rest] = lines;
const published = rest.pop();
const paragraphs = rest.map((line) =>
  line.length < 90 && !/[.”"]$/.test(line) ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`,
);

process.stdout.write(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(headline)} | World News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(headline)}">
<link rel="canonical" href="/news/us-forces-evacuate-syria-bases.html">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(headline)},"datePublished":"2024-01-17T19:32:00+05:30","author":{"@type":"Organization","name":${JSON.stringify(byline)}}}</script>
<style>
body{font-family:Georgia,serif;margin:0;color:#222;background:#fafafa}
header.site{background:#8b0000;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
header.site a{color:#fff;text-decoration:none;font-family:sans-serif;font-size:14px}
.logo{font-weight:bold;font-size:22px}
.wrap{display:flex;gap:32px;max-width:1100px;margin:24px auto;padding:0 24px}
article{flex:3;background:#fff;padding:24px;line-height:1.6}
aside{flex:1;font-family:sans-serif;font-size:14px}
aside li{margin-bottom:10px}
.byline,.updated{color:#666;font-family:sans-serif;font-size:13px}
figure{margin:16px 0}figcaption{color:#666;font-size:13px}
.img{height:180px;background:linear-gradient(135deg,#c9b38a,#8a7350)}
footer{background:#222;color:#aaa;padding:24px;font-family:sans-serif;font-size:13px}
footer a{color:#ccc}
</style>
</head>
<body>
<header class="site">
  <span class="logo">World News</span>
  <nav aria-label="Sections"><a href="/">Home</a> · <a href="/">World</a> · <a href="/">Politics</a> · <a href="/">Business</a> · <a href="/">Sport</a> · <a href="/search.html?q=syria">Search</a></nav>
</header>
<div class="wrap">
<article>
  <p class="updated">${escapeHtml(updated)}</p>
  <h1>${escapeHtml(headline)}</h1>
  <p class="standfirst"><strong>${escapeHtml(standfirst)}</strong></p>
  <p class="byline">By <span class="author">${escapeHtml(byline)}</span></p>
  <figure><div class="img" role="img" aria-label="${escapeHtml(imageAlt)}"></div><figcaption>${escapeHtml(caption)}</figcaption></figure>
  <div class="article-body">
${paragraphs.join('\n')}
  </div>
  <p class="updated">${escapeHtml(published)}</p>
</article>
<aside aria-label="Most read">
  <h3>Most read</h3>
  <ol>
    <li><a href="/">Markets rally as inflation cools</a></li>
    <li><a href="/">Storm warnings issued for the coast</a></li>
    <li><a href="/">Ten recipes for a quick weeknight dinner</a></li>
    <li><a href="/">Election polls tighten in final week</a></li>
  </ol>
</aside>
</div>
<footer>
  <p><a href="/">About us</a> · <a href="/">Contact</a> · <a href="/">Privacy</a> · <a href="/">Terms</a></p>
  <p>© 2024 World News. All rights reserved.</p>
</footer>
</body>
</html>
`);
