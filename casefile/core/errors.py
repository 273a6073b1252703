"""Errors the faces show to the user as they are: each message says what happened and
what to do, in the investigator's words. Anything else escaping the core is a bug."""


class CasefileError(Exception):
    """Base of every error whose message is fit to show a user."""


class CaseNotFoundError(CasefileError):
    pass


class CaseLockedError(CasefileError):
    def __init__(self, message: str, holder: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}


class CaseTooNewError(CasefileError):
    pass


class CaseExistsError(CasefileError):
    pass


class DocumentNotFoundError(CasefileError):
    pass


class InvalidValueError(CasefileError):
    """A value the user typed (a date, a grade, a kind) that Casefile cannot accept."""


class UnsafeCaseError(CasefileError):
    """A case folder that would make Casefile read or write outside it (a symlinked
    `.lock`, database or folder): case folders come from other people, so they are
    treated as untrusted input."""


class CaseDamagedError(CasefileError):
    """The case database cannot be read: not a database, or damaged."""


class DiskFullError(CasefileError):
    """A write failed for lack of space; the transaction was rolled back."""


class ReadOnlyCaseError(CasefileError):
    """A change was asked of a case that is open read-only (read-only media)."""


class ExtractionUnavailableError(CasefileError):
    """The processes that read files could not be started, or all stopped outside any
    one file: nothing can be extracted, so the import stops (what it stored is kept)."""
