"""OCR: scanned pages and pictures become text with word boxes (docs/architecture.md,
OCR). A sibling of `ingest` and `search`: it rasterises and recognises, stores what it
found; the services combine it with the extraction workers, the index and the matcher."""
