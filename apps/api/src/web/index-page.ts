import { createHash } from 'node:crypto';
import { assetOf, type WebAsset, type WebAssets } from './web-assets';

export interface IndexPage {
  asset: WebAsset;
  /** CSP source for the inline import map ("'sha256-…'"): the only inline script the page has. */
  importMapSource: string;
}

const escapeForScript = (json: string) => json.replace(/</g, '\\u003c');

/**
 * index.html as served: its stylesheet and entry module under their hashed URLs, and an import
 * map sending every module's plain URL to its hashed one. The page modules keep their plain
 * relative imports ("../api.js"): the browser resolves them to "/js/api.js", then the map to
 * "/js/api.3f2a1b9c0d.js", which is cached for good; a changed file gets a new name.
 */
export function indexPage(html: string, assets: WebAssets): IndexPage {
  const imports: Record<string, string> = {};
  for (const asset of [...assets.byUrl.values()].sort((a, b) => a.url.localeCompare(b.url))) {
    if (asset.url.endsWith('.js')) imports[asset.url] = asset.hashedUrl;
  }
  const map = escapeForScript(JSON.stringify({ imports }));
  const importMapSource = `'sha256-${createHash('sha256').update(map, 'utf8').digest('base64')}'`;
  const linked = html.replace(/\b(href|src)="(\/[^"?#]+)"/g, (whole, attr: string, url: string) => {
    const asset = assets.byUrl.get(url);
    return asset && url !== '/index.html' ? `${attr}="${asset.hashedUrl}"` : whole;
  });
  const firstModule = linked.search(/<script type="module"/);
  if (firstModule < 0) throw new Error('index.html lädt kein Modul: die Import-Map hätte keinen Platz.');
  const served = `${linked.slice(0, firstModule)}<script type="importmap">${map}</script>\n  ${linked.slice(firstModule)}`;
  return { asset: assetOf('/index.html', Buffer.from(served, 'utf8')), importMapSource };
}
