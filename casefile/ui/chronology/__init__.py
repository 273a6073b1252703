"""The chronology GUI (issue 13): the Chronology view with its lazy table, timeline,
filters, event editor, "Add to chronology…" on a viewer selection, and the date
suggestion queue. See docs/architecture.md (chronology)."""
