"""Search syntax help (Help → Search Syntax, F1): short, with examples to copy."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

HELP = QT_TRANSLATE_NOOP(
    "QueryHelp",
    """
<h3>Searching a case</h3>
<p>Words find their other forms in Russian and English: <b>распознавание</b> also finds
<i>распознавания</i>, <b>Газпром</b> finds <i>Газпрома</i>; <b>sanction</b> finds
<i>sanctions</i>. Case does not matter; the form you typed ranks first. A document
matches when the whole document has the words (they may be on different pages).</p>
<table cellpadding="4">
<tr><td><code>Helix OkoVision</code></td><td>both words (AND is the default)</td></tr>
<tr><td><code>"face recognition"</code></td><td>the exact phrase (within one page)</td></tr>
<tr><td><code>санкции OR sanctions</code></td><td>either word</td></tr>
<tr><td><code>Helix NOT Amazon</code>, <code>Helix -Amazon</code></td><td>leave out documents
with a word</td></tr>
<tr><td><code>face-recognition</code></td><td>hyphenated words, as written (a hyphen
inside a word never excludes)</td></tr>
<tr><td><code>recogn*</code></td><td>words beginning so</td></tr>
<tr><td><code>kind:court_filing</code></td><td>one kind of document</td></tr>
<tr><td><code>tag:sanctions</code></td><td>documents with a tag</td></tr>
<tr><td><code>title:claim</code></td><td>a word in the title</td></tr>
<tr><td><code>notes:harbour</code></td><td>a word in your notes</td></tr>
<tr><td><code>from:bob@example.com</code>, <code>to:carol</code>, <code>cc:</code>,
<code>subject:</code></td><td>e-mail headers</td></tr>
<tr><td><code>https://example.com/page</code></td><td>a pasted link is searched as text</td></tr>
<tr><td><code>date:[2023 TO 2024-06]</code></td><td>documents dated in a range</td></tr>
<tr><td><code>language:ru</code></td><td>documents in Russian</td></tr>
</table>
<p>Click a facet (kind, year, language, tag) beside the results to narrow them; click
it again to remove it. <b>Save search</b> (Ctrl+Shift+S) keeps the query in the navigator.
In the viewer, <b>F3</b> / <b>Shift+F3</b> move to the next / previous hit.</p>
""",
)


class QueryHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("QueryHelp", "Search syntax"))
        self.resize(560, 520)
        text = QTextBrowser()
        text.setOpenLinks(False)
        text.setHtml(translate("QueryHelp", HELP))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
