"""The jobs the command line runs, as library functions that return data.

Each job reads its articles, runs the stages it needs (io -> text -> types / topics -> report) and returns
what the command prints; it never prints or exits. Where a job can run here or on a Dask cluster
(`label`, `assign_topics`), `engine="local"|"dask"` is decided here, once.

One module a family of jobs: `classify` (train, label, evaluate), `topics` (fit, assign, sweep, show), `report`;
below them `reading` (`Reading`, what every job starts from) and `checks` (what jobs check before any work)."""
from .reading import Reading, Segmented, SegmentedCount, read_segmented, segment
from .checks import HTML_SUFFIXES, NoLabelledArticles, PART_SIZE
from .classify import (Evaluation, LABELS_HINT_BYTES, LABEL_FILES_HINT, LABEL_OUT_COLUMNS, Trained, evaluate,
                       gold_labels, label, rule_hits, train)
from .topics import Assignment, TopicsFit, assign_topics, fit_topics, read_topics, sweep_topics, topics_page
from .report import (REPORT_BATCH, REPORT_TOPICS_ADVICE, ReportWritten, SMALL_CORPUS_ARTICLES, default_k, report,
                     report_data, workbook_from_page)

__all__ = [
    "Assignment", "Evaluation", "HTML_SUFFIXES", "LABELS_HINT_BYTES", "LABEL_FILES_HINT", "LABEL_OUT_COLUMNS",
    "NoLabelledArticles", "PART_SIZE", "REPORT_BATCH", "REPORT_TOPICS_ADVICE", "Reading", "ReportWritten",
    "SMALL_CORPUS_ARTICLES", "Segmented", "SegmentedCount", "TopicsFit", "Trained", "assign_topics", "default_k",
    "evaluate", "fit_topics", "gold_labels", "label", "read_segmented", "read_topics", "report", "report_data",
    "rule_hits", "segment", "sweep_topics", "topics_page", "train", "workbook_from_page",
]
