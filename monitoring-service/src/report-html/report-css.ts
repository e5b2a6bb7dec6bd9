/**
 * The HTML report's stylesheet, inlined into the page: system fonts only, a table that turns
 * into one card per feature below 700 px, colours that print.
 */
export const REPORT_CSS = `
:root{--ink:#1d2430;--muted:#5b6676;--line:#d9dee5;--bg:#f6f7f9;--card:#fff;--ref:#7d93ad;--cur:#e0712c;--bad:#c2362b;--ok:#2c8a5a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.2rem;margin:32px 0 10px}
h3{font-size:1.05rem;margin:20px 0 6px}
.muted,caption{color:var(--muted)}
caption{text-align:left;font-size:.85rem;padding:0 0 6px;caption-side:top}
.facts{display:flex;flex-wrap:wrap;gap:4px 22px;margin:8px 0 0;padding:0;list-style:none;color:var(--muted);font-size:.9rem}
.facts b{color:var(--ink);font-weight:600}
.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.verdicts{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-top:18px}
.verdict{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--ok);border-radius:8px;padding:10px 14px}
.verdict.bad{border-left-color:var(--bad)}
.verdict.none{border-left-color:var(--line)}
.verdict h3{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.verdict p{margin:2px 0 0;font-size:1.15rem;font-weight:600}
.verdict small{display:block;color:var(--muted);font-weight:400;font-size:.85rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
thead th{font-size:.8rem;color:var(--muted);font-weight:600;background:#eef1f5}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.drifted th{color:var(--bad)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8rem;font-weight:600;color:#fff;background:var(--ok);white-space:nowrap}
.badge.bad{background:var(--bad)}
.legend{font-size:.85rem;color:var(--muted);margin:0 0 6px}
.key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 8px;vertical-align:-1px}
.key.ref,rect.ref{background:var(--ref);fill:var(--ref)}
.key.cur,rect.cur{background:var(--cur);fill:var(--cur)}
svg .axis{stroke:var(--line);stroke-width:1}
svg.dist{display:block;width:240px;max-width:100%;height:64px}
svg.sharebars{display:block;width:100%;min-width:80px;height:14px}
td.bars{width:35%}
table.quality{max-width:560px}
table.confusion{width:auto}
table.confusion td{text-align:center;min-width:38px;font-variant-numeric:tabular-nums}
table.confusion td.ink{color:#fff}
td.worse{color:var(--bad)}
th .key{margin-left:4px}
thead th{white-space:nowrap}
p.caption{color:var(--muted);font-size:.85rem;margin:14px 0 6px}
.test{margin:4px 0 8px}
footer{margin-top:36px;color:var(--muted);font-size:.85rem}
@media (max-width:700px){
 main{padding:16px 12px 32px}
 th,td{padding:5px 6px}
 .verdict p{font-size:1.05rem}
 h1{font-size:1.3rem}
 table.features,table.features tbody{display:block;border:0;background:none}
 table.features thead{display:none}
 table.features tr{display:grid;grid-template-columns:1fr 1fr 1fr;gap:2px 8px;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px;margin-bottom:10px}
 table.features th,table.features td{border:0;padding:2px 0;text-align:left}
 table.features th[scope=row]{grid-column:1/-1;font-size:1rem}
 table.features td[data-label]::before{content:attr(data-label);display:block;font-size:.72rem;color:var(--muted)}
 table.features td.chart{grid-column:1/-1}
 table.features td.chart svg.dist{width:100%}
}
`;
