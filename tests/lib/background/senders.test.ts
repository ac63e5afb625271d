import { describe, expect, test } from 'vitest';
import { isOwnContentScript, isOwnExtensionPage } from '../../../lib/background/senders';

describe('sender checks', () => {
  test('accept our content script in a web tab', () => {
    expect(isOwnContentScript({ id: 'me', url: 'https://n.example/', tab: { id: 1 } }, 'me')).toBe(true);
  });

  test('refuse another extension, a sender without a tab, or a non-web page', () => {
    expect(isOwnContentScript({ id: 'other', url: 'https://n.example/', tab: { id: 1 } }, 'me')).toBe(false);
    expect(isOwnContentScript({ id: 'me', url: 'https://n.example/' }, 'me')).toBe(false);
    expect(isOwnContentScript({ id: 'me', url: 'file:///etc/passwd', tab: { id: 1 } }, 'me')).toBe(false);
  });

  test('recognize our extension pages by origin', () => {
    expect(
      isOwnExtensionPage({ id: 'me', url: 'chrome-extension://me/sidepanel.html' }, 'me', 'chrome-extension://me/'),
    ).toBe(true);
    expect(isOwnExtensionPage({ id: 'me', url: 'https://n.example/' }, 'me', 'chrome-extension://me/')).toBe(false);
  });
});
