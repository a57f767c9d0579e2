"""Stage 2, words: normalise the spelling, drop page furniture, segment into words (pyvi, cached)."""
