"""The PySide6 desktop app. Presents and edits through `app`; never holds domain rules."""
