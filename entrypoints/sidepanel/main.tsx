import { render } from 'preact';
import { mapScaleFor, PlaceMap } from '@/components/PlaceMap';
import { SidePanel } from '@/components/SidePanel';
import { openDb } from '@/lib/db/schema';
import type { MapView } from '@/lib/panel/map-points';
import '@/components/theme.css';
import './style.css';

const pinned = Number(new URLSearchParams(location.search).get('tab'));
const renderMap = (view: MapView) => (
  <PlaceMap focus={view.focus} country={view.country} others={view.others} scale={mapScaleFor(view.subtype)} />
);
render(
  <SidePanel
    db={openDb()}
    pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined}
    renderMap={renderMap}
  />,
  document.getElementById('app') as HTMLElement,
);
