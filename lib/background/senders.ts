/** @module lib/background/senders — who may talk to the background. */

/** The parts of a message sender the checks read (a subset of runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** True for our own content script: our extension id, inside a tab, on a web page. */
export function isOwnContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab !== undefined && /^https?:/.test(sender.url ?? '');
}

/** True for one of our extension pages (side panel, library, popup). */
export function isOwnExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && (sender.url ?? '').startsWith(extensionOrigin);
}
