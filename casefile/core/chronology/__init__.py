"""The chronology: dated events, their citations into the documents, and dates
suggested from the text. Pure logic here; the use cases are in
`casefile.core.services.chronology`. See docs/architecture.md (chronology)."""
