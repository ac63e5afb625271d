import { useEffect, useState } from 'preact/hooks';

export interface LibraryRoute {
  /** The article open in reader view, if any (`?article=<id>`). */
  articleId?: string;
}

function read(): LibraryRoute {
  const articleId = new URLSearchParams(location.search).get('article') ?? undefined;
  return articleId ? { articleId } : {};
}

/** The page's route in its address, so reader views can be bookmarked and Back works. */
export function useLibraryRoute(): [LibraryRoute, (route: LibraryRoute) => void] {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: LibraryRoute) => {
    const url = next.articleId ? `?article=${encodeURIComponent(next.articleId)}` : location.pathname;
    history.pushState(null, '', url);
    setRoute(next);
    window.scrollTo(0, 0);
  };
  return [route, go];
}
