// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { PlaceMap } from '../../components/PlaceMap';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

const damascus = { lat: 33.51, lon: 36.29, label: 'Damascus' };
const aleppo = { lat: 36.2, lon: 37.15, label: 'Aleppo' };
const washington = { lat: 38.9, lon: -77.04, label: 'Washington' };

async function mapOf(root: HTMLElement): Promise<SVGSVGElement> {
  await vi.waitFor(() => expect(root.querySelector('svg')).not.toBeNull(), { timeout: 10_000 });
  return root.querySelector('svg') as SVGSVGElement;
}

// The atlas loads once per test file, so the placeholder test runs first, while it is still loading.
describe('PlaceMap', () => {
  test('shows a sized, labelled placeholder until the geometry has loaded, then the map', async () => {
    const root = mount(<PlaceMap focus={damascus} country="SY" others={[aleppo]} />);
    const placeholder = root.querySelector('.place-map-loading');
    expect(placeholder).not.toBeNull();
    expect(placeholder?.classList.contains('place-map')).toBe(true); // same box as the map
    expect(placeholder?.getAttribute('aria-busy')).toBe('true');
    expect(placeholder?.getAttribute('aria-label')).toBe('Map: Damascus, Syria (loading)');
    expect(root.querySelector('svg')).toBeNull();
    await mapOf(root);
    expect(root.querySelector('.place-map-loading')).toBeNull();
  });

  test('renders the svg with the focus marker, the nearby others, the shaded country and the aria-label', async () => {
    const root = mount(<PlaceMap focus={damascus} country="SY" others={[aleppo, washington]} />);
    const svg = await mapOf(root);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Map: Damascus, Syria, with 1 other place from the article');
    expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
    expect(svg.querySelectorAll('.marker.marker-focus')).toHaveLength(1);
    // Washington is far away: left out of the fit and outside the view, so not drawn.
    const others = [...svg.querySelectorAll('.marker.marker-other')];
    expect(others.map((o) => o.querySelector('title')?.textContent)).toEqual(['Aleppo']);
    expect(svg.querySelector('.country-focus')?.getAttribute('d')).toMatch(/^M/);
    expect(svg.querySelector('.marker-label')?.textContent).toBe('Damascus');
  });

  test('an actor gets their country, shaded, with no marker', async () => {
    const root = mount(<PlaceMap country="fr" />);
    const svg = await mapOf(root);
    expect(svg.getAttribute('aria-label')).toBe('Map: France');
    expect(svg.querySelector('.country-focus')).not.toBeNull();
    expect(svg.querySelector('.marker')).toBeNull();
  });

  test('renders nothing without a focus and with an unknown country', () => {
    expect(mount(<PlaceMap country="ZZ" />).innerHTML).toBe('');
    expect(mount(<PlaceMap />).innerHTML).toBe('');
  });

  test('a country-scale place is labelled once and fits its whole country', async () => {
    const root = mount(<PlaceMap focus={{ lat: 35, lon: 38.5, label: 'Syria' }} country="SY" scale="country" />);
    const svg = await mapOf(root);
    expect(svg.getAttribute('aria-label')).toBe('Map: Syria');
    expect(svg.querySelector('.marker-focus')).not.toBeNull();
  });

  test('a continental view loads the coarse geometry and draws Russia across the antimeridian', async () => {
    const root = mount(<PlaceMap country="RU" />);
    const svg = await mapOf(root);
    const d = svg.querySelector('.country-focus')?.getAttribute('d') ?? '';
    const xs = [...d.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(50);
    // One piece spread over the frame, not split to its two edges with nothing in the middle.
    expect(xs.some((x) => x > 120 && x < 200)).toBe(true);
  });
});
