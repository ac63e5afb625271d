import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { openDb } from '@/lib/db/schema';
import { HIGHLIGHT_CSS } from '@/lib/highlight/highlight';
import '@/components/theme.css';
import './style.css';

// The reader view marks names with the same wrappers and colours as pages.
const highlights = new CSSStyleSheet();
highlights.replaceSync(HIGHLIGHT_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, highlights];

render(<LibraryApp db={openDb()} />, document.getElementById('app') as HTMLElement);
