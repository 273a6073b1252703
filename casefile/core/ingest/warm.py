"""Imported by the extraction fork server before it forks any worker: the extractors and
the language model are loaded once there, and every worker starts with them in
copy-on-write memory instead of paying ~1 s to load them itself.

The fork server first lowers its own priority (see `casefile.core.runtime.priority`): its ~1 s of
loading, and every worker forked from it, then run below the user's window whichever
thread started it."""

from casefile.core.runtime.priority import lower_this_thread

lower_this_thread()

import casefile.core.ingest.extract  # noqa: E402
import casefile.core.ingest.extract_docx  # noqa: E402
import casefile.core.ingest.extract_email  # noqa: E402
import casefile.core.ingest.extract_html  # noqa: E402
import casefile.core.ingest.extract_pdf  # noqa: E402
import casefile.core.ingest.workers  # noqa: E402, F401
from casefile.core.ingest.languages import _model  # noqa: E402

_model()
