/** @module lib/content/hover-card — a small card about a highlighted name, on hover and on keyboard focus. */

import { countryName } from '../country-name';
import { ENTITY_ATTRIBUTE, type HighlightOptions, KIND_ATTRIBUTE, MENTION_TAG, UI_TAG } from '../highlight/highlight';
import type { EntityKind } from '../kb/types';
import type { EntityCard, Result } from '../messages';
import type { Mention } from '../recognize/types';
import { placeCard } from './card-position';

export interface HoverCardDeps {
  doc: Document;
  /** Removes every listener and the card when aborted (the content script's context). */
  signal: AbortSignal;
  getCard: (id: string) => Promise<Result<EntityCard>>;
  /** Sent from the click (or Enter) itself: Chrome opens the side panel only within a user gesture. */
  openPanel: (entityId: string | undefined) => Promise<Result<null>>;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** Hover time before the card shows, so moving the pointer across a paragraph does not flash cards. */
  showDelayMs?: number;
  /** Time the pointer may take to travel from the mark to the card. */
  hideDelayMs?: number;
  /**
   * Whether an event comes from the reader rather than the page's script (default: `event.isTrusted`). A page
   * must not open the side panel by dispatching a key event; tests of the DOM emulation pass their own.
   */
  isTrusted?: (event: Event) => boolean;
}

export interface HoverCard {
  /** Gives a mark its role, label and, for the first mark of each entity, a tab stop (pass to highlighting). */
  decorate: NonNullable<HighlightOptions['decorate']>;
  /** Closes the card and forgets the tab stops (after the marks were removed). */
  reset(): void;
  /** The mark the card is about, when it is open. */
  readonly openFor: Element | null;
}

const KIND_LABEL: Record<EntityKind, string> = { place: 'Place', person: 'Person', organization: 'Organization' };
/** Elements that are focusable or clickable already: a mark inside one gets no role or tab stop of its own. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, label, [tabindex], [role="button"], [role="link"]';

/**
 * The card's styles, inside its shadow root, so the page's CSS cannot reach it and its own cannot leak out.
 * Colours follow the reader's colour scheme, not the page's: the card is ours.
 */
const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; box-sizing: border-box; max-width: min(340px, calc(100vw - 12px)); min-width: 200px;
  padding: 10px 12px; border-radius: 8px; background: #fff; color: #1b1b1b; border: 1px solid rgba(0,0,0,.15);
  box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: left; direction: ltr; }
.card[hidden] { display: none; }
.name { font-weight: 600; font-size: 14px; margin: 0 0 2px; }
.meta { color: #555; margin: 0 0 4px; }
.description { margin: 0 0 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.description:empty { display: none; }
.source { color: #666; font-size: 11px; margin: -4px 0 8px; }
.source:empty { display: none; }
.hint { color: #666; font-size: 12px; margin: 0 0 6px; }
.hint[hidden] { display: none; }
button { font: inherit; font-size: 12px; padding: 4px 10px; border-radius: 6px; border: 1px solid #888;
  background: #f3f3f3; color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid #2a6fdb; outline-offset: 1px; }
.error { color: #a00; }
@media (prefers-color-scheme: dark) {
  .card { background: #26282b; color: #eee; border-color: rgba(255,255,255,.2); }
  .meta, .hint, .source { color: #bbb; }
  button { background: #3a3d41; border-color: #777; }
}
`;

interface CardView {
  host: HTMLElement;
  card: HTMLElement;
  name: HTMLElement;
  meta: HTMLElement;
  description: HTMLElement;
  source: HTMLElement;
  hint: HTMLElement;
  button: HTMLButtonElement;
}

/**
 * Installs the hover card: one shadow-root host appended to <html> on first use, filled with textContent
 * only (never innerHTML: names and descriptions come from pages and the knowledge base). The card opens
 * after a short hover or at once on keyboard focus, sits below the mark (above when there is no room),
 * never over it, and closes on Escape, when the pointer or focus leaves, or with `reset`.
 */
export function installHoverCard(deps: HoverCardDeps): HoverCard {
  const { doc, signal } = deps;
  const showDelay = deps.showDelayMs ?? 300;
  const hideDelay = deps.hideDelayMs ?? 250;
  const cards = new Map<string, Promise<Result<EntityCard>>>();
  const tabStops = new Set<string>();
  let view: CardView | null = null;
  let current: Element | null = null;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let request = 0;

  const isTrusted = deps.isTrusted ?? ((e: Event) => e.isTrusted);
  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, fn, { capture: true, passive: type !== 'keydown', signal });

  listen('mouseover', (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    cancelHide();
    if (mark === current) return;
    cancelShow();
    showTimer = deps.setTimeout(() => void open(mark, false), showDelay);
  });
  listen('mouseout', (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    if (showTimer !== undefined && markOf(e.relatedTarget) !== mark) cancelShow();
    if (mark === current) scheduleHide();
  });
  listen('focusin', (e) => {
    const mark = focusedMark(e.target);
    if (mark) {
      cancelHide();
      void open(mark, true);
    } else if (current && e.target !== view?.host) {
      close();
    }
  });
  listen('focusout', (e) => {
    if (current && focusedMark(e.target) === current && e.relatedTarget !== view?.host) scheduleHide();
  });
  listen('keydown', (e) => {
    if (e.key === 'Escape' && current) {
      const mark = current;
      const focusWasInCard = doc.activeElement === view?.host;
      close();
      if (focusWasInCard) (mark as HTMLElement).focus?.();
      return;
    }
    if (
      (e.key === 'Enter' || e.key === ' ') &&
      isTrusted(e) &&
      markOf(e.target) &&
      (e.target as Element).hasAttribute('tabindex')
    ) {
      // The mark is a button: activating it opens the side panel, inside this key event's user gesture.
      e.preventDefault();
      void deps.openPanel((e.target as Element).getAttribute(ENTITY_ATTRIBUTE) ?? undefined);
    }
  });
  listen('scroll', () => {
    if (current && view) position(current, view);
  });
  signal.addEventListener('abort', () => {
    close();
    view?.host.remove();
    view = null;
  });

  function markOf(target: EventTarget | null): Element | null {
    const el = target as Element | null;
    return el && el.nodeType === 1 && el.localName === MENTION_TAG ? el : null;
  }

  /** The mark a focus event is about: the mark itself, or a link (or other control) whose text holds one. */
  function focusedMark(target: EventTarget | null): Element | null {
    const mark = markOf(target);
    if (mark) return mark;
    const el = target as Element | null;
    if (el?.nodeType !== 1 || el.localName === UI_TAG || typeof el.querySelector !== 'function') return null;
    return el.matches(INTERACTIVE) ? el.querySelector(MENTION_TAG) : null;
  }

  function cancelShow(): void {
    if (showTimer !== undefined) deps.clearTimeout(showTimer);
    showTimer = undefined;
  }

  function cancelHide(): void {
    if (hideTimer !== undefined) deps.clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function scheduleHide(): void {
    cancelHide();
    hideTimer = deps.setTimeout(close, hideDelay);
  }

  function close(): void {
    cancelShow();
    cancelHide();
    request++;
    current = null;
    if (view) view.card.hidden = true;
  }

  function cardFor(id: string): Promise<Result<EntityCard>> {
    let card = cards.get(id);
    if (!card) {
      card = deps.getCard(id).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
      cards.set(id, card);
    }
    return card;
  }

  async function open(mark: Element, byKeyboard: boolean): Promise<void> {
    showTimer = undefined;
    if (!mark.isConnected || signal.aborted) return;
    const mine = ++request;
    const id = mark.getAttribute(ENTITY_ATTRIBUTE);
    const kind = (mark.getAttribute(KIND_ATTRIBUTE) ?? 'place') as EntityKind;
    let card: EntityCard | null = null;
    if (id) {
      const answer = await cardFor(id);
      if (mine !== request || !mark.isConnected) return;
      if (answer.ok) card = answer.value;
    }
    if (!view) view = createView();
    const v = view;
    current = mark;
    fill(v, mark, kind, card, id !== null, byKeyboard);
    v.card.hidden = false;
    position(mark, v);
  }

  function fill(
    v: CardView,
    mark: Element,
    kind: EntityKind,
    card: EntityCard | null,
    linked: boolean,
    byKeyboard: boolean,
  ): void {
    const label = KIND_LABEL[kind] ?? 'Name';
    v.name.textContent = card?.name ?? (mark.textContent ?? '').trim();
    const meta = [label];
    if (card) {
      const detail = card.role || card.subtype.replace(/[-_]/g, ' ');
      if (detail && detail.toLowerCase() !== label.toLowerCase()) meta.push(detail);
      const country = card.country ? countryName(card.country) : '';
      if (country && country !== card.name) meta.push(country);
    } else {
      meta.push(linked ? 'details unavailable' : 'not in Backstory’s knowledge base');
    }
    v.meta.textContent = meta.join(' · ');
    v.description.textContent = card?.description ?? '';
    // Every card says where its facts come from and as of when.
    v.source.textContent = card?.source
      ? [card.source, card.asOf ? `as of ${card.asOf}` : ''].filter(Boolean).join(' · ')
      : '';
    v.hint.hidden = !byKeyboard || !mark.hasAttribute('tabindex');
    v.card.setAttribute('aria-label', v.name.textContent);
  }

  function position(mark: Element, v: CardView): void {
    const rect = mark.getBoundingClientRect();
    const size = v.card.getBoundingClientRect();
    const viewport = { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight };
    const { top, left } = placeCard(
      { top: rect.top, left: rect.left, width: rect.width, height: rect.height },
      { width: size.width, height: size.height },
      viewport,
    );
    v.card.style.top = `${Math.round(top)}px`;
    v.card.style.left = `${Math.round(left)}px`;
  }

  function createView(): CardView {
    const host = doc.createElement(UI_TAG);
    // Fixed and zero-sized: the host takes no space, so the page's layout never moves.
    host.setAttribute(
      'style',
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; ' +
        'width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;',
    );
    const shadow = host.attachShadow({ mode: 'open' });
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.hidden = true;
    const name = element('p', 'name');
    const meta = element('p', 'meta');
    const description = element('p', 'description');
    const source = element('p', 'source');
    const hint = element('p', 'hint');
    hint.textContent = 'Press Enter to open it in the side panel.';
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = 'Open in side panel';
    button.addEventListener('click', () => void deps.openPanel(current?.getAttribute(ENTITY_ATTRIBUTE) ?? undefined), {
      signal,
    });
    card.append(name, meta, description, source, hint, button);
    card.addEventListener('mouseenter', cancelHide, { signal });
    card.addEventListener('mouseleave', scheduleHide, { signal });
    addStyles(shadow);
    shadow.append(card);
    doc.documentElement.appendChild(host);
    return { host, card, name, meta, description, source, hint, button };
  }

  /**
   * A constructed stylesheet where the browser allows it: unlike a <style> element, it is not subject to the
   * page's Content-Security-Policy (Firefox applies the page's style-src to elements a content script adds).
   */
  function addStyles(shadow: ShadowRoot): void {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    try {
      if (view && typeof view.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in shadow) {
        const sheet = new view.CSSStyleSheet();
        sheet.replaceSync(CARD_CSS);
        shadow.adoptedStyleSheets = [sheet];
        return;
      }
    } catch {
      // Fall back to a <style> element below.
    }
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    shadow.append(style);
  }

  function element(tag: string, className: string): HTMLElement {
    const el = doc.createElement(tag);
    el.className = className;
    return el;
  }

  return {
    decorate(wrapper: Element, mention: Mention, first: boolean) {
      // One tab stop per entity (its first mark), not per mark: an article names the same country dozens of
      // times, and as many stops would bury the page's own links for keyboard users. Hover works on every mark.
      if (!first || !mention.entityId || tabStops.has(mention.entityId)) return;
      // Inside a link or control: that element is the tab stop, and a button inside it would nest roles.
      if (wrapper.parentElement?.closest(INTERACTIVE)) return;
      tabStops.add(mention.entityId);
      wrapper.setAttribute('tabindex', '0');
      wrapper.setAttribute('role', 'button');
      wrapper.setAttribute(
        'aria-label',
        `${mention.name ?? mention.surface}, ${KIND_LABEL[mention.kind].toLowerCase()}`,
      );
      wrapper.setAttribute('aria-description', 'Backstory: shows a card; Enter opens the side panel');
    },
    reset() {
      close();
      tabStops.clear();
    },
    get openFor() {
      return current;
    },
  };
}
