"""The desktop face of Casefile (PySide6).

Widgets talk only to `casefile.core.services`; anything that may take longer than a
frame runs through `runner.Runner`, so the event loop never stalls.
"""
