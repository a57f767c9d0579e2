"""Where sentences end, one home. Three readers cut text at sentence ends, each in the form of text it reads,
so the patterns differ on purpose; they stand side by side here to be read and changed together."""
from __future__ import annotations

import re

# Raw text into the sentences the segmenter is given one at a time (text/segment.py).
SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+")
# Raw text into sentences and lines, where the event reader looks for a meeting (types/events.py). Part of
# the rules fingerprint that every article-type model records: changing it asks for retraining.
SENTENCE_OR_LINE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
# Segmented text keeps punctuation as tokens (" . "): the classifier's event view (types/features.py).
SEGMENTED_SENTENCE_BREAK = re.compile(r" [.?!] |\n")
# A dot between two letters or digits ("TP.HCM", "T.Ư", "16.000"): it ends no sentence (the breaks above need
# a space after it). The cue rules and the event reader, whose windows ([^.;\n]) stop at every dot, read it
# masked (`mask_inner_dots`) and show it again as written. Part of the rules fingerprint.
INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")
NOT_A_STOP = "\u2024"  # ONE DOT LEADER: what a masked dot reads as


def mask_inner_dots(text: str) -> str:
    """The text with every dot inside a word as `NOT_A_STOP` (the same length: match positions hold)."""
    return INNER_DOT.sub(NOT_A_STOP, text)


def unmask_inner_dots(text: str) -> str:
    return text.replace(NOT_A_STOP, ".")
# The last characters of a line that reads as a sentence, not as a caption or a headline (text/furniture.py).
SENTENCE_ENDINGS = (".", "!", "?", '"', ":", ";")
