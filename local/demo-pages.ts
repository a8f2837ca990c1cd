/** Sample municipal pages for the local stack: one embeds the demo form with the script, one with an iframe. */

const page = (
  title: string,
  lead: string,
  content: string,
  otherHref: string,
  otherLabel: string,
): string => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Ljungby kommun (exempelsida)</title>
<style>
body{margin:0;font-family:Georgia,serif;color:#222;background:#f4f1ea}
header{background:#0b3d2e;color:#fff;padding:1rem}
header a{color:#fff}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0 0;padding:0}
main{max-width:60rem;margin:0 auto;padding:1rem;background:#fff}
footer{padding:1rem;text-align:center}
iframe{width:100%;border:1px solid #888}
/* The municipality's theme for the embedded form, through its custom properties. */
#dialog-form{--md-color-primary:#0b3d2e;--md-font:Georgia,serif;--md-radius:2px}
</style></head>
<body><header><p><strong>Ljungby kommun</strong> (exempelsida i den lokala miljön)</p>
<nav aria-label="Huvudmeny"><ul><li><a href="/demo">Medborgardialog med skript</a></li><li><a href="/demo/iframe">Medborgardialog med iframe</a></li></ul></nav></header>
<main><h1>${title}</h1><p>${lead}</p>${content}<p><a href="${otherHref}">${otherLabel}</a></p></main>
<footer><p>Ljungby kommun, 341 83 Ljungby</p></footer></body></html>`;

export const demoPage = (): string =>
  page(
    'Tyck till om lekplatsen i Lagaparken',
    'Kommunen ska göra om lekplatsen i Lagaparken i Lagan. Berätta vad du tycker – det tar ungefär fem minuter.',
    '<div id="dialog-form"></div>\n<script src="/embed.js" data-dialogue="demo" data-target="#dialog-form" async></script>',
    '/demo/iframe',
    'Samma formulär i en iframe',
  );

export const demoIframePage = (): string =>
  page(
    'Tyck till om lekplatsen i Lagaparken (iframe)',
    'Samma dialog, inbäddad med en iframe för sidor som bara tillåter det.',
    '<iframe src="/form/demo" title="Enkät: Lekplatsen vid Lagaparken i Lagan" height="900"></iframe>\n<script src="/embed.js" async></script>',
    '/demo',
    'Samma formulär inbäddat med skript',
  );
