"""Imported by the extraction fork server before it forks any worker: the extractors and
the language model are loaded once there, and every worker starts with them in
copy-on-write memory instead of paying ~1 s to load them itself."""

import casefile.core.ingest.extract
import casefile.core.ingest.extract_docx
import casefile.core.ingest.extract_email
import casefile.core.ingest.extract_html
import casefile.core.ingest.extract_pdf
import casefile.core.ingest.workers  # noqa: F401
from casefile.core.ingest.languages import _model

_model()
