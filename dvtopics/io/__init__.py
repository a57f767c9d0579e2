"""Stage 1, in and out: read articles (any file kind, legacy encodings), their metadata and label files; write tables."""
