"""The report's tables as an .xlsx workbook: every article, counts per month, types, topics (and the tables
behind the topic charts), failed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from .html import (TYPE_COLUMNS, article_rows, month_columns, monthly_counts, record_type, topic_data, topic_names,
                   topic_rows, topic_share_rows, type_counts)

NO_DATE = "(no date)"  # the time sheets' row of the articles that carry no date


def report_tables(records: Sequence[Mapping], topics=None) -> dict[str, list[dict]]:
    """The report's tables as sheets: articles, counts per month, types, topics and the tables behind the two
    topic charts (shares per period, per type), failed."""
    topics = topic_data(topics)
    sheets = {"articles": article_rows(records, topics), "per month": monthly_counts(records),
              "types": type_counts(records)}
    # the articles without a date in a row of their own, as the page says how many carry none: 2,000 undated articles
    # of 2,016 were in no row of the time sheets, which added up to 16 (hunt 42 AR)
    undated = Counter(record_type(r) for r in records if not r.get("error") and not r.get("date"))
    if undated:
        sheets["per month"].append({"month": NO_DATE, "total": sum(undated.values()),
                                    **{t: undated[t] for t in month_columns(records)}})
    if topics:
        sheets["topics"] = topic_rows(topics)
        sheets["topics per period"] = topic_share_rows(topics, "period")
        if undated:  # (their shares are in no period's mean: the row counts them, its shares blank)
            sheets["topics per period"].append({"period": NO_DATE, "articles": sum(undated.values())})
        sheets["topics per type"] = topic_share_rows(topics, "type")
    sheets["failed"] = [{"id": r.get("id"), "error": r.get("error")} for r in records if r.get("error")]
    return sheets


def write_report_workbook(records: Sequence[Mapping], topics, path) -> Path:
    """The report's tables as the sheets of one .xlsx file (every article, not only those shown)."""
    from ..io.write import write_workbook

    # an empty sheet ("failed", "per month" when no article has a date, "types" when none could be read) still
    # gets its header, so a reader sees what would be there
    names = topic_names(topic_data(topics))
    return write_workbook(report_tables(records, topics), path,
                          {"failed": ["id", "error"], "per month": ["month", "total", *month_columns(records)],
                           "types": TYPE_COLUMNS,
                           "topics per period": ["period", "articles", *names],
                           "topics per type": ["type", "articles", *names]})
