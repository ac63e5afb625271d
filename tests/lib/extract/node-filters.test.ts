// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { classifyElement, ElementKind, tagOf, visibleLength, walkReadable } from '../../../lib/extract/node-filters';

function el(html: string): Element {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  const e = doc.body.firstElementChild;
  if (!e) throw new Error('no element');
  return e;
}

const kind = (html: string) => {
  const e = el(html);
  return classifyElement(e, tagOf(e));
};

describe('classifyElement', () => {
  test('scripts, media, controls, hidden and editable elements are skipped', () => {
    for (const html of [
      '<script></script>',
      '<svg></svg>',
      '<button>x</button>',
      '<p hidden>x</p>',
      '<div contenteditable="true"></div>',
    ]) {
      expect(kind(html)).toBe(ElementKind.Skip);
    }
  });

  test('nav, aside, footer and landmark roles are chrome', () => {
    expect(kind('<nav></nav>')).toBe(ElementKind.Chrome);
    expect(kind('<div aria-hidden="true"></div>')).toBe(ElementKind.Chrome);
    expect(kind('<aside></aside>')).toBe(ElementKind.Chrome);
    expect(kind('<div role="navigation"></div>')).toBe(ElementKind.Chrome);
  });

  test('a class name is judged by its head word', () => {
    expect(kind('<div class="article-footer"></div>')).toBe(ElementKind.Chrome);
    expect(kind('<div class="share-tools"></div>')).toBe(ElementKind.Chrome);
    expect(kind('<div class="social-share"></div>')).toBe(ElementKind.Chrome);
    expect(kind('<div class="sidebar-content"></div>')).toBe(ElementKind.Normal);
  });

  test('one content class outweighs a layout class naming a sidebar', () => {
    expect(kind('<div class="entry-content has-sidebar"></div>')).toBe(ElementKind.Normal);
  });

  test('glued class names are recognised by their beginning', () => {
    expect(kind('<div class="jp-relatedposts"></div>')).toBe(ElementKind.Chrome);
    expect(kind('<ol class="commentlist"></ol>')).toBe(ElementKind.Comments);
  });

  test('comment threads are their own kind, but commentary is journalism', () => {
    expect(kind('<section id="comments"></section>')).toBe(ElementKind.Comments);
    expect(kind('<article class="comment"></article>')).toBe(ElementKind.Comments);
    expect(kind('<div class="commentary-body"></div>')).toBe(ElementKind.Normal);
  });

  test('long ids are heading slugs, not roles', () => {
    expect(kind('<div class="section" id="sharing-with-a-single-developer"></div>')).toBe(ElementKind.Normal);
    expect(kind('<div id="share"></div>')).toBe(ElementKind.Chrome);
  });

  test('words are matched whole, so "shadow" is not "ad"', () => {
    expect(kind('<div class="shadow-box"></div>')).toBe(ElementKind.Normal);
    expect(kind('<div class="ad-slot"></div>')).toBe(ElementKind.Chrome);
  });
});

describe('visibleLength', () => {
  test('counts a whitespace run as one character and ignores leading whitespace', () => {
    expect(visibleLength('Kyiv \n\t and   Lviv')).toBe(13);
    expect(visibleLength('   Kyiv')).toBe(4);
  });

  test('counts each CJK character three times', () => {
    expect(visibleLength('谷歌')).toBe(6);
  });
});

describe('walkReadable', () => {
  test('visits elements and text in document order, skips non-text subtrees, and closes every element once', () => {
    const root = el('<div id="root"><p>One <em>two</em></p><script>no()</script><ul><li>three</li></ul></div>');
    const seen: string[] = [];
    const tags = ['root'];
    const left: number[] = [];
    walkReadable(root, 0, {
      element(_el, tag, _kind, parent) {
        seen.push(`<${tag} in ${tags[parent]}>`);
        tags.push(tag);
        return tags.length - 1;
      },
      text(node, parent) {
        seen.push(`"${node.data}" in ${tags[parent]}`);
      },
      leave(index) {
        left.push(index);
      },
    });
    expect(seen).toEqual([
      '<p in root>',
      '"One " in p',
      '<em in p>',
      '"two" in em',
      '<ul in root>',
      '<li in ul>',
      '"three" in li',
    ]);
    expect([...left].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(left.at(-1)).toBe(0);
  });
});
