# ruff: noqa: E501
"""The style sheet inlined into every HTML rendering (no web fonts, no external requests)."""

from __future__ import annotations

CSS = """
:root {
  --ink: #1f1d1a;
  --muted: #6b6459;
  --paper: #fdfcf8;
  --rule: #e3ddd0;
  --accent: #8a2b1f;
  --tint: #f4efe4;
  --measure: 36rem;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e8e3d8;
    --muted: #a59d8e;
    --paper: #1b1a17;
    --rule: #3a362f;
    --accent: #e59a84;
    --tint: #26241f;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  background: var(--paper);
}
body {
  margin: 0;
  color: var(--ink);
  background: var(--paper);
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua",
    "TeX Gyre Pagella", "URW Palladio L", P052, Georgia, "Noto Serif", "DejaVu Serif", serif;
  font-size: 1.125rem;
  line-height: 1.6;
  font-kerning: normal;
  font-variant-ligatures: common-ligatures;
  hyphens: auto;
  -webkit-hyphens: auto;
  overflow-wrap: break-word;
}
.page {
  max-width: var(--measure);
  margin: 0 auto;
  padding: 2.5rem 1.25rem 4rem;
  position: relative;
}
@media (min-width: 60rem) {
  body { font-size: 1.1875rem; }
  .page { padding-left: 0; padding-right: 0; }
}
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover, a:focus { text-decoration-thickness: 2px; }
:target { scroll-margin-top: 1.5rem; }
a:target, dt:target, li:target, .noteref a:target {
  background: var(--tint); outline: 2px solid var(--rule); outline-offset: 1px; border-radius: 2px;
}

/* Title block */
.titleblock { text-align: center; margin: 1rem 0 2.5rem; }
.titleblock h1 {
  font-size: 2.1rem; line-height: 1.15; font-weight: normal; letter-spacing: 0.01em;
  margin: 0.3rem 0 0.8rem;
}
.titleblock .pre, .titleblock .sub { font-variant: small-caps; letter-spacing: 0.06em; color: var(--muted); }
.titleblock .docimprint {
  font-style: normal; font-size: 0.85rem; letter-spacing: 0.1em; text-transform: uppercase;
  color: var(--muted); line-height: 1.7;
}
.titleblock .edition {
  margin: 1.6rem auto 0; padding-top: 1.2rem; border-top: 1px solid var(--rule); max-width: 28rem;
}
.titleblock .resp { margin: 0.15rem 0; color: var(--muted); font-size: 0.9rem; line-height: 1.45; }
.titleblock .resp b { color: var(--ink); font-weight: normal; }
.titleblock a.name { text-decoration: none; }
.titleblock .source { font-size: 0.85rem; color: var(--muted); margin-top: 1.2rem; font-style: italic; }

/* Navigation */
nav.toc {
  border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule);
  padding: 0.8rem 0 1rem; margin: 0 0 2.5rem; font-size: 0.95rem;
}
nav.toc h2, .backmatter h2 {
  font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.12em;
  color: var(--muted); font-weight: normal; margin: 0.4rem 0 0.6rem;
}
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc ol ol { padding-left: 1.2rem; }
nav.toc li { margin: 0.2rem 0; line-height: 1.35; }
nav.toc li.toc-back { font-style: italic; }
nav.toc li:not(.toc-back) + li.toc-back { margin-top: 0.6rem; }
nav.toc a { text-decoration: none; color: var(--ink); }
nav.toc a:hover, nav.toc a:focus { color: var(--accent); text-decoration: underline; }

/* Text */
main section { margin: 0; }
h2, h3, h4, h5, h6 { font-weight: normal; line-height: 1.25; }
main h2 { font-size: 1.55rem; margin: 3rem 0 1rem; text-align: center; }
main h3 { font-size: 1.25rem; margin: 2.4rem 0 0.8rem; }
main h4, main h5, main h6 { font-size: 1.05rem; font-style: italic; margin: 1.8rem 0 0.6rem; }
main h2 + .subhead, main h3 + .subhead {
  text-align: center; font-style: italic; margin: -0.6rem 0 1.5rem; color: var(--muted);
}
p { margin: 0; }
main p + p { text-indent: 1.5em; }
main p { margin-bottom: 0.1rem; }
main section > p:first-of-type, main h2 + p, main h3 + p { text-indent: 0; }
/* a paragraph holding a list (div.p) is indented like any other paragraph that follows one */
main :is(p, div.p) + div.p > p.loose:first-child, main div.p + p { text-indent: 1.5em; }
.block { margin: 1rem 0; }
blockquote {
  margin: 1.2rem 0 1.2rem 1.5rem; padding-left: 1rem; border-left: 2px solid var(--rule);
  font-size: 0.97em;
}
blockquote p + p { text-indent: 1.5em; }
.cit { margin: 1.2rem 0; }
.cit blockquote { margin-bottom: 0.3rem; }
.cit .bibl { text-align: right; font-size: 0.9em; color: var(--muted); }
.cit .bibl::before { content: "\\2014\\2009"; }
ol.list, ul.list { margin: 0.8rem 0 0.8rem 0; padding-left: 2.2rem; }
ol.list li, ul.list li { margin: 0.3rem 0; }
ol.labelled, ul.labelled { list-style: none; padding-left: 2.7rem; }
.itemlabel { display: inline-block; min-width: 2.7rem; margin-left: -2.7rem; padding-right: 0.3em; }
li[data-n]::marker { content: attr(data-n) ".\\2002"; }
.opener, .closer, .byline, .dateline, .docimprint, .signed, .salute, .trailer {
  margin: 1rem 0; font-style: italic;
}
.closer, .signed { text-align: right; }
.closer > * { display: block; }
.titlepage { text-align: center; margin: 2rem 0; }
.titlepage .titlepart { display: block; font-size: 1.3rem; }
.lg { margin: 1rem 0 1rem 1.5rem; }
.l { display: block; }
.sp { margin: 0.8rem 0; }
.speaker { font-variant: small-caps; letter-spacing: 0.04em; }
.stage { font-style: italic; color: var(--muted); }
table.tei { border-collapse: collapse; margin: 1rem 0; font-size: 0.95em; }
table.tei td, table.tei th { border: 1px solid var(--rule); padding: 0.2rem 0.5rem; vertical-align: top; }
.figure { margin: 1rem 0; padding: 0.6rem; border: 1px dashed var(--rule); font-size: 0.9em; color: var(--muted); }
.gap, .supplied { color: var(--muted); }
.smallcaps { font-variant: small-caps; letter-spacing: 0.03em; }
.underline { text-decoration: underline; }
.spaced { letter-spacing: 0.12em; }
.sup { vertical-align: super; font-size: 0.75em; }
.caps { text-transform: uppercase; }

/* Names, dates, corrections */
a.name {
  color: inherit; text-decoration: underline solid var(--rule); text-decoration-thickness: 1px;
  text-underline-offset: 0.22em;
}
a.name:hover, a.name:focus { color: var(--accent); text-decoration-color: var(--accent); }
time[title] { cursor: help; }
time[title]:hover { background: var(--tint); border-radius: 2px; }
.corr[title], .reg[title], .expan[title], .alt[title] {
  cursor: help; text-decoration: underline dotted var(--accent); text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
}

/* Page breaks: a hairline at the break, the page number in the left margin */
main { position: relative; }
.pb { position: static; }
.pb::before { content: "\\200A|\\200A"; color: var(--rule); font-weight: 300; }
.pb.nobreak::before { content: none; }
.pb.unnumbered::after { font-weight: 400; font-style: italic; letter-spacing: 0; }
.pb::after {
  content: attr(data-n);
  position: absolute; right: calc(100% + 1.25rem); margin-top: 0.42em;
  white-space: nowrap; hyphens: none; -webkit-hyphens: none;
  text-align: right; padding-right: 0.5rem; border-right: 2px solid var(--rule);
  font: 600 0.72rem/1 ui-sans-serif, system-ui, "DejaVu Sans", sans-serif;
  color: var(--muted); letter-spacing: 0.05em;
}
@media (max-width: 51.99rem) {
  .pb::after {
    position: static; display: inline-block; margin: 0 0.2em; padding: 0.1em 0.3em;
    border: 1px solid var(--rule); border-radius: 3px; vertical-align: 0.15em; font-size: 0.62rem;
  }
  .pb.unnumbered::after { content: none; }
}

/* Footnote references */
sup.noteref { line-height: 0; font-size: 0.72em; vertical-align: super; }
sup.noteref a {
  text-decoration: none; padding: 0 0.12em; font-family: ui-sans-serif, system-ui, sans-serif;
  font-weight: 600;
}

/* Back matter: notes and index */
.backmatter { margin-top: 4rem; border-top: 1px solid var(--rule); padding-top: 1rem; font-size: 0.95rem; }
ol.notes { list-style: none; padding: 0; margin: 0; }
ol.notes > li { display: grid; grid-template-columns: 2.4rem 1fr; gap: 0 0.4rem; margin: 0 0 1rem; }
ol.notes .marker { text-align: right; font-weight: 600; text-decoration: none;
  font-family: ui-sans-serif, system-ui, sans-serif; font-size: 0.85em; padding-top: 0.15em; }
ol.notes .body p + p { text-indent: 1.2em; }
ol.notes .who { display: block; color: var(--muted); font-size: 0.85em; font-style: italic;
  margin-top: 0.15rem; }
a.backref { text-decoration: none; font-family: ui-sans-serif, system-ui, sans-serif; }
.index { margin-top: 2.5rem; }
.index h3 { font-size: 1.05rem; font-variant: small-caps; letter-spacing: 0.06em; margin: 1.6rem 0 0.6rem; }
dl.entities { margin: 0; }
@media (min-width: 40rem) { dl.entities { columns: 2; column-gap: 2rem; } }
dl.entities .entry { break-inside: avoid; padding: 0.35rem 0 0.45rem; }
dl.entities dt { font-weight: 600; line-height: 1.35; }
dl.entities dd { margin: 0.1rem 0 0 0.9rem; line-height: 1.4; }
dl.entities .variants { font-style: italic; color: var(--muted); }
dl.entities .about { font-size: 0.88em; color: var(--muted); }
dl.entities .count {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap;
}
dl.entities .mentions a {
  display: inline-block; min-width: 1.4rem; text-align: center;
  margin: 0.15rem 0.15rem 0 0; padding: 0 0.3rem;
  border: 1px solid var(--rule); border-radius: 3px; text-decoration: none; line-height: 1.5;
  font-family: ui-sans-serif, system-ui, sans-serif; font-size: 0.72rem;
}
dl.entities .mentions a:hover, dl.entities .mentions a:focus { border-color: var(--accent); }
footer.colophon { margin-top: 3rem; font-size: 0.8rem; color: var(--muted); text-align: center; }

@media print {
  nav.toc, a.backref { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""
