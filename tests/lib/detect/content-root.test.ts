// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { findContentRoot } from '../../../lib/detect/content-root';

function parse(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, 'text/html');
}

const para = (topic: string) =>
  `<p>Officials in ${topic} said on Monday that the river had risen faster than forecast, and that volunteers would keep working through the night.</p>`;
const story = ['Budapest', 'Győr', 'Vienna', 'Bratislava', 'Passau'].map(para).join('');
const links = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<li><a href="/s/${i}">Another headline about the floods, number ${i}</a></li>`,
  ).join('');

describe('findContentRoot', () => {
  test('picks the block that holds the paragraphs, not the page wrapper with nav, aside and footer', () => {
    const doc = parse(
      `<div id="page"><nav><ul>${links(8)}</ul></nav><div id="story">${story}</div>` +
        `<aside><ul>${links(6)}</ul></aside><footer><ul>${links(5)}</ul></footer></div>`,
    );
    expect(findContentRoot(doc).root?.id).toBe('story');
  });

  test('joins story paragraphs split across sibling blocks', () => {
    const doc = parse(
      `<article id="a"><div class="part">${story}</div><div class="ad">Advert</div><div class="part">${story}</div></article>`,
    );
    expect(findContentRoot(doc).root?.id).toBe('a');
  });

  test('leaves out a comment thread even when it is longer than the story', () => {
    const comments = Array.from({ length: 12 }, () => para('the comments')).join('');
    const doc = parse(`<main id="m"><div id="story">${story}</div><section id="comments">${comments}</section></main>`);
    expect(findContentRoot(doc).root?.id).toBe('story');
  });

  test('leaves out a list of teasers that sits next to the story', () => {
    const teasers = ['A', 'B', 'C', 'D']
      .map(
        (t) =>
          `<div class="card"><h3><a href="/${t}">Teaser headline ${t} about something else</a></h3>${para(t)}</div>`,
      )
      .join('');
    const doc = parse(`<div id="wrap"><div id="story">${story}</div><div class="more">${teasers}</div></div>`);
    const { root, stats } = findContentRoot(doc);
    expect(root?.id).toBe('story');
    expect(stats.paragraphs).toBe(5);
  });

  test('never picks a teaser list as root, and sums its prose so that detection can reject a home page', () => {
    const teasers = ['A', 'B', 'C', 'D', 'E']
      .map((t) => `<article><h3><a href="/${t}">Teaser headline ${t} about the news</a></h3>${para(t)}</article>`)
      .join('');
    const { root, stats } = findContentRoot(parse(`<main>${teasers}</main>`));
    expect(root).toBeNull();
    expect(stats.teaserListProse).toBeGreaterThan(400);
  });

  test('a short story wins over a longer list of related summaries beside it', () => {
    const teasers = ['A', 'B', 'C', 'D', 'E', 'F']
      .map((t) => `<li><h3><a href="/${t}">Related headline ${t} about the floods</a></h3>${para(t)}</li>`)
      .join('');
    const doc = parse(`<div id="story">${para('Győr')}${para('Komárom')}</div><ul>${teasers}</ul>`);
    expect(findContentRoot(doc).root?.id).toBe('story');
  });

  test('keeps a chrome-named wrapper that holds most of the page prose', () => {
    const doc = parse(
      `<div class="layout-sidebar"><div id="story">${story}</div></div><nav><ul>${links(3)}</ul></nav>`,
    );
    expect(findContentRoot(doc).root?.id).toBe('story');
  });

  test('finds no root in an empty body', () => {
    expect(findContentRoot(parse('')).root).toBeNull();
  });

  test('finds no root in a document without a root element', () => {
    const doc = document.implementation.createDocument(null, null, null);
    expect(findContentRoot(doc).root).toBeNull();
  });

  test('survives deeply nested markup', () => {
    const doc = parse('<div id="top"></div>');
    let el = doc.getElementById('top') as Element;
    for (let i = 0; i < 5000; i++) {
      const child = doc.createElement('div');
      el.appendChild(child);
      el = child;
    }
    el.innerHTML = story;
    expect(findContentRoot(doc).root).toBe(el);
  });

  test('does not modify the document', () => {
    const doc = parse(`<nav><ul>${links(3)}</ul></nav><div id="story">${story}</div>`);
    const before = doc.documentElement.outerHTML;
    findContentRoot(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
