import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { consoleCatalogues } from '../shared/messages/console';
import { STYLESHEET_PATH } from '../shared/presentation/styles';

const dist = join(__dirname, 'dist');

/** The console's own styles, beside the product's stylesheet (served by the API at /styles.css). */
const consoleStyles = `
.md-console{max-width:72rem}
.md-console-header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;border-bottom:1px solid #c8c8c8}
.md-console-name{font-weight:700;margin-right:auto}
.md-overdue{color:var(--_error)}
.md-number{text-align:right;font-variant-numeric:tabular-nums}
.md-console-columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 2rem;align-items:start}
@media (max-width:48rem){.md-console-columns{grid-template-columns:minmax(0,1fr)}}
.md-checklist ul{padding-left:1.25rem}
.md-gap strong{color:var(--_error)}
.md-done strong{color:#2e7d32}
.md-warning{border-left:4px solid #8a5a00;padding-left:.5rem}
.md-new{display:inline-block;margin:.5rem 0}
.md-confirm{border:2px solid var(--_accent,#1f4e8c);border-radius:var(--_radius);padding:.5rem 1rem;margin:1rem 0}
#md-mailout-bar{width:100%;max-width:32rem;height:1.25rem}
.md-movers{display:inline-flex;gap:.25rem;margin:.25rem 0}
.md-options{padding-left:1.5rem}
.md-options li{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center;margin:.25rem 0}
.md-options li input{flex:1 1 12rem;width:auto}
.md-previews{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.md-preview{margin:0;border:1px solid #c8c8c8;border-radius:var(--_radius);padding:.5rem;max-width:100%}
.md-preview figcaption{font-weight:700}
.md-preview-phone{width:375px;max-width:100%;max-height:40rem;overflow:auto}
.md-preview-desktop{width:46rem;max-width:100%;max-height:40rem;overflow:auto}
.md-snippet pre{overflow-x:auto;background:#f4f4f4;padding:.5rem;border-radius:var(--_radius)}
.md-snippet pre code{white-space:pre-wrap}
.md-poster{max-width:42rem;margin:1rem 0;padding:2rem;border:1px solid #c8c8c8;border-radius:var(--_radius);font-size:1.125rem}
.md-poster h2{font-size:2.25rem;margin:.25rem 0 1rem}
.md-poster-kicker{font-weight:700;text-transform:uppercase;letter-spacing:.05em}
.md-poster-question{font-size:1.375rem;font-weight:700}
.md-poster-closes{font-size:1.375rem;font-weight:700}
.md-poster-answer{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:center}
.md-poster-qr{width:12rem;max-width:100%}
.md-poster-qr svg{display:block;width:100%;height:auto}
.md-poster-answer p{flex:1 1 12rem}
.md-poster-url{font-weight:700;overflow-wrap:anywhere}
.md-actions{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.md-free-texts{list-style:none;padding:0}
.md-free-texts li{border-left:4px solid #c8c8c8;padding:.25rem .75rem;margin:.75rem 0}
.md-free-texts li.md-publishable{border-left-color:#2e7d32}
.md-free-texts p{margin:0 0 .25rem;white-space:pre-wrap;overflow-wrap:anywhere}
.md-check{display:inline-flex;gap:.5rem;align-items:center}
.md-report-texts li{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.md-year-filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
/* On a phone a long Swedish compound ("medborgardialoger") fits a heading whole instead of breaking mid-word. */
@media (max-width:30rem){.md-console h1{font-size:1.625rem}}
@media print{
@page{size:A4;margin:15mm}
.md-no-print{display:none!important}
.md-console{max-width:none}
.md-poster{border:0;padding:0;margin:0;max-width:none;font-size:14pt}
.md-poster h2{font-size:30pt}
.md-poster-qr{width:60mm}
.md-report{font-size:11pt}
.md-report h2{break-after:avoid;page-break-after:avoid}
.md-report h3{break-after:avoid;page-break-after:avoid}
.md-report-section{break-before:page;page-break-before:always}
.md-report table,.md-report .md-bars li{break-inside:avoid;page-break-inside:avoid}
.md-report .md-table{overflow:visible;box-shadow:none}
.md-report details>summary{list-style:none}
.md-year-report .md-eval-section+.md-eval-section{break-before:page;page-break-before:always}
}
`;

/** Bundles the console (Preact, oidc-client-ts) into console/dist: index.html, app.js and console.css. */
export function buildConsole(): { scriptBytes: number } {
  const result = buildSync({
    entryPoints: [join(__dirname, 'src/main.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    write: false,
  });
  const script = result.outputFiles[0]?.contents ?? new Uint8Array();
  const t = consoleCatalogues.sv;
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'app.js'), script);
  writeFileSync(join(dist, 'console.css'), consoleStyles.trim());
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="stylesheet" href="/console/console.css">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<script type="module" src="/console/app.js"></script>
</head>
<body><div id="app"></div></body>
</html>
`,
  );
  return { scriptBytes: script.byteLength };
}

if (require.main === module) buildConsole();
