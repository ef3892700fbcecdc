"""Turning checked data into HTML: the page kinds every council gets and their templates
(council/), the components (components/), wording the same for every council (national/), the
glossary, compare and coverage tables, and the allowlist that editor Markdown passes through.
Uses the data room only."""
