import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import '@/components/theme.css';
import './style.css';

const pinned = Number(new URLSearchParams(location.search).get('tab'));
render(
  <PopupApp pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />,
  document.getElementById('app') as HTMLElement,
);
