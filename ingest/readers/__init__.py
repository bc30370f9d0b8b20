"""One module per file kind.  Each turns a file into document items for ingest.build."""
