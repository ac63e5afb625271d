import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import { openDb } from '@/lib/db/schema';
import './style.css';

const pinned = Number(new URLSearchParams(location.search).get('tab'));
render(
  <SidePanel db={openDb()} pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />,
  document.getElementById('app') as HTMLElement,
);
