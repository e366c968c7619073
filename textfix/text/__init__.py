"""Facts about a document's text that several cleaners share, measured once per document."""
