import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from dvtopics.errors import DvtopicsError
from dvtopics.io.write import write_rows, write_workbook

ROWS = [
    {"id": "a1", "label": "semi_annual_review", "confidence": 0.83, "cues": ["sơ kết", "6 tháng đầu năm"],
     "title": "Ban Dân vận Huyện ủy Krông Pắc sơ kết công tác dân vận", "date": "2022-07-05",
     "source": "baodaklak.vn", "error": None},
    {"id": "a2", "label": "other", "confidence": 1, "cues": [],
     "title": "=SUM(1,2) không phải công thức", "date": None, "source": None, "error": None},
    {"id": "a3", "label": None, "confidence": None, "cues": [], "title": "", "date": None, "source": None,
     "error": "a3.txt: empty file"},
]


def _sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def test_xlsx_reads_back_with_types_and_vietnamese(tmp_path):
    path = write_rows(ROWS, tmp_path / "labels.xlsx")
    ws = load_workbook(path).active
    header, rows = _sheet_rows(ws)
    assert header == ("id", "label", "confidence", "cues", "title", "date", "source", "error")
    assert [r["id"] for r in rows] == ["a1", "a2", "a3"]
    assert rows[0]["date"] == dt.datetime(2022, 7, 5)  # a real date cell, not text
    assert ws["F2"].is_date and ws["F2"].number_format == "yyyy-mm-dd"
    assert isinstance(rows[0]["confidence"], float) and rows[0]["confidence"] == pytest.approx(0.83)
    assert rows[0]["title"] == "Ban Dân vận Huyện ủy Krông Pắc sơ kết công tác dân vận"
    assert rows[0]["cues"] == "sơ kết; 6 tháng đầu năm"
    assert rows[1]["title"] == "=SUM(1,2) không phải công thức" and ws["E3"].data_type == "s"
    assert rows[2]["error"] == "a3.txt: empty file" and rows[2]["date"] is None
    assert ws.freeze_panes == "A2"


def test_csv_has_bom_header_and_flat_cues(tmp_path):
    path = write_rows(ROWS, tmp_path / "labels.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs it to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3 and rows[0]["cues"] == "sơ kết; 6 tháng đầu năm"
    assert rows[0]["date"] == "2022-07-05" and rows[2]["confidence"] == ""


def test_jsonl_keeps_lists_and_numpy_numbers(tmp_path):
    np = pytest.importorskip("numpy")
    rows = [dict(ROWS[0], confidence=np.float32(0.5))]
    path = write_rows(rows, tmp_path / "labels.jsonl")
    back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert back[0]["cues"] == ["sơ kết", "6 tháng đầu năm"] and back[0]["confidence"] == 0.5


def test_a_dataframes_rows_and_their_empty_cells_are_written_as_empty(tmp_path):
    """Hunt 29 L: a notebook's table (labels merged into a DataFrame: NaN, NaT and pandas' NA where a row had none)
    written with write_rows held the text "nan" and "NaT" in its CSV, and a bare NaN (no JSON) in its JSONL, where
    pandas' NA failed ("NAType is not JSON serialisable"); the DataFrame itself, given as the rows, failed with
    "'str' object has no attribute 'items'" (iterated, it gives its column names). Its index is a column when named."""
    np, pd = pytest.importorskip("numpy"), pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["a", "b"], "label": pd.Categorical(["other", None]), "confidence": [0.5, np.nan],
                          "date": pd.to_datetime(["2024-01-02", None]), "n": pd.array([1, pd.NA], dtype="Int64")})
    rows = frame.to_dict("records")
    rows[1]["n"] = pd.NA
    csv_path = write_rows(rows, tmp_path / "t.csv")
    assert csv_path.read_text(encoding="utf-8-sig").splitlines()[2] == "b,,,,"
    lines = write_rows(rows, tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[1], parse_constant=lambda name: pytest.fail(f"{name} is no JSON")) == dict.fromkeys(
        ["id", "label", "confidence", "date", "n"]) | {"id": "b"}
    assert write_rows(frame, tmp_path / "f.csv").read_text(encoding="utf-8-sig") == csv_path.read_text(
        encoding="utf-8-sig")
    by_id = write_rows(frame.set_index("id")[["label"]], tmp_path / "by_id.jsonl").read_text(encoding="utf-8")
    assert by_id.splitlines() == ['{"id": "a", "label": "other"}', '{"id": "b", "label": null}']
    rows_kept = write_rows(frame[frame["confidence"] > 0][["id", "confidence"]], tmp_path / "kept.csv")
    assert rows_kept.read_text(encoding="utf-8-sig").splitlines() == ["id,confidence", "a,0.5"]  # no position column


def test_rows_indexed_by_id_keep_their_ids_when_written(tmp_path):
    """The review of hunt 29 L: labels by id (`pd.Series(labels)`) written with write_rows lost their ids in silence
    (an unnamed index was dropped), a Series failed, `set_index("id", drop=False)` failed ("id already exists"), and
    a NaN inside a list was written as a bare NaN, no JSON."""
    pd = pytest.importorskip("pandas")
    labels = pd.Series({"a1": "other", "a2": "annual_review"}, name="label")
    for given in (labels, labels.to_frame()):
        assert write_rows(given, tmp_path / "l.csv").read_text(encoding="utf-8-sig").splitlines() == [
            "id,label", "a1,other", "a2,annual_review"]
    frame = pd.DataFrame({"id": ["a1"], "label": ["other"]}).set_index("id", drop=False)
    assert write_rows(frame, tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines() == ["id,label",
                                                                                                   "a1,other"]
    line = write_rows([{"id": "a1", "scores": [1.0, float("nan")]}], tmp_path / "n.jsonl").read_text(encoding="utf-8")
    assert json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} is no JSON")) == {"id": "a1",
                                                                                                "scores": [1.0, None]}


def test_explicit_columns_order_and_subset(tmp_path):
    path = write_rows(ROWS, tmp_path / "x.csv", columns=["title", "id"])
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == "title,id"


def test_workbook_sheets_and_months(tmp_path):
    path = write_workbook({"articles": ROWS, "per month": [{"month": "2022-07", "label": "other", "articles": 2}],
                           "topics/long:name[that is too long]": []}, tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["articles", "per month"] and len(book.sheetnames[2]) <= 31
    ws = book["per month"]
    assert ws["A2"].value == dt.datetime(2022, 7, 1) and ws["A2"].number_format == "yyyy-mm"
    assert ws["C2"].value == 2


def test_unknown_suffix_fails_and_leaves_nothing(tmp_path):
    with pytest.raises(DvtopicsError, match=".csv, .jsonl, .xlsx"):
        write_rows(ROWS, tmp_path / "labels.txt")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_old_file(tmp_path):
    path = write_rows(ROWS, tmp_path / "labels.jsonl")
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_rows([{"id": object()}], path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["labels.jsonl"]


@pytest.mark.parametrize("name", ["labels.csv", "labels.jsonl"])
def test_a_full_disk_names_the_table_and_keeps_the_old_one(tmp_path, temporary_files_find_the_disk_full, name):
    """Hunt 25 D (2): a disk full while a table was written said "No space left on device" alone, naming no file."""
    path = write_rows(ROWS, tmp_path / name)
    before = path.read_bytes()
    temporary_files_find_the_disk_full()
    with pytest.raises(DvtopicsError, match=f"{name}: cannot be written \\(No space left on device\\); what was there "
                                            "before is kept"):
        write_rows(ROWS, path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [name]


def test_a_disk_that_fills_while_a_workbook_is_written_ends_in_its_one_line(tmp_path, monkeypatch):
    """Trial 33: `report --xlsx` and `topics assign --out x.xlsx` on a disk that filled as the workbook was written
    printed the one line, then some forty lines of "Exception ignored in: <function ZipFile.__del__ …>" tracebacks:
    openpyxl's half-written zip and sheets, left to the garbage collector, failed again as it closed them."""
    import errno
    import gc
    import sys
    import tempfile

    path = write_rows(ROWS, tmp_path / "labels.xlsx")
    before = path.read_bytes()
    opened = tempfile.NamedTemporaryFile

    def filling(*args, **kwargs):  # the disk has room for 100 bytes more
        handle = opened(*args, **kwargs)
        room, write = [100], handle.write

        def write_while_room(data):
            room[0] -= len(data)
            if room[0] < 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            return write(data)
        handle.write = write_while_room
        return handle

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", filling)
    with pytest.raises(DvtopicsError, match="labels.xlsx: cannot be written \\(No space left on device\\); what was "
                                            "there before is kept"):
        write_workbook({"articles": ROWS * 50, "per month": ROWS}, path)
    gc.collect()
    assert [str(u.exc_value) for u in unraisable] == []
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["labels.xlsx"]


def test_text_a_spreadsheet_would_run_as_a_formula_is_guarded(tmp_path):
    """Hunt 23 A (1): a headline "-Hội nghị…" or "=Tổng kết…" (a source "@baomoi", "+Báo tỉnh") was written
    bare into the .csv and ran as a formula in Excel (OWASP's CSV injection); in the .xlsx it was text that
    became a formula once edited. Numbers such as -0.5 and "-5" stay as they are, and the guarded .csv still
    reads back as a labels file."""
    from dvtopics.io.labels import read_labels

    rows = [{"id": "-a2", "label": "other", "confidence": -0.5, "title": "-Hội nghị sơ kết", "source": "@baomoi",
             "date": "2023-07-10"},
            {"id": "-5", "label": "other", "confidence": 0.5, "title": "=HYPERLINK(\"http://x\")",
             "source": "+Báo tỉnh", "date": None},
            {"id": "a3", "label": "other", "confidence": 1, "title": "\tTab", "source": "-0.5", "date": None}]
    path = write_rows(rows, tmp_path / "labels.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert [r["title"] for r in back] == ["'-Hội nghị sơ kết", "'=HYPERLINK(\"http://x\")", "'\tTab"]
    assert [r["source"] for r in back] == ["'@baomoi", "'+Báo tỉnh", "-0.5"]
    assert [r["id"] for r in back] == ["'-a2", "-5", "a3"] and back[0]["confidence"] == "-0.5"
    assert back[0]["date"] == "2023-07-10"
    assert read_labels(path) == {"-a2": "other", "-5": "other", "a3": "other"}

    path = write_rows(rows, tmp_path / "labels.xlsx")
    ws = load_workbook(path).active
    assert ws["D2"].value == "-Hội nghị sơ kết" and ws["D2"].data_type == "s" and ws["D2"].quotePrefix
    assert ws["D3"].value == "=HYPERLINK(\"http://x\")" and ws["D3"].data_type == "s" and ws["D3"].quotePrefix
    assert ws["C2"].value == -0.5 and ws["C2"].data_type == "n" and not ws["E4"].quotePrefix  # "-0.5" text
    assert read_labels(path) == {"-a2": "other", "-5": "other", "a3": "other"}


def test_a_guarded_header_and_quoted_text_read_back_as_written(tmp_path):
    """Hunt 23 A (1): a column named after a label of the user's ("-Khác" in the report's per-month sheet) was a
    formula in the .xlsx header and bare in the .csv's; an id that itself starts with "'" before "=" lost its
    quote when the .csv was read back as labels."""
    from dvtopics.io.labels import read_labels

    rows = [{"id": "'=x", "label": "-Khác", "-Khác": 1}, {"id": "'a", "label": "other", "-Khác": 0}]
    path = write_rows(rows, tmp_path / "t.csv")
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == "id,label,'-Khác"
    assert read_labels(path) == {"'=x": "-Khác", "'a": "other"}
    ws = load_workbook(write_rows(rows, tmp_path / "t.xlsx")).active
    assert ws["C1"].value == "-Khác" and ws["C1"].data_type == "s" and ws["C1"].quotePrefix and ws["C1"].font.b


def test_a_labels_workbook_is_read_on_the_sheets_it_goes_on_to(tmp_path, monkeypatch):
    """Hunt 23 A (8): `label --out labels.xlsx` of more articles than a sheet holds writes "articles",
    "articles 2", …; given back as --labels only the first sheet was read, and the labels past it were dropped
    without a word. A sheet of another header is no part of the table."""
    from dvtopics.io import write
    from dvtopics.io.labels import read_labels

    monkeypatch.setattr(write, "XLSX_MAX_ROWS", 4)  # the header and 3 rows a sheet
    rows = [{"id": f"a{i}", "label": "other" if i % 2 else "annual_review"} for i in range(8)]
    path = write_rows(rows, tmp_path / "labels.xlsx")
    assert load_workbook(path).sheetnames == ["articles", "articles 2", "articles 3"]
    assert read_labels(path) == {row["id"]: row["label"] for row in rows}
    monkeypatch.setattr(write, "XLSX_MAX_ROWS", 1_048_576)
    other = write_workbook({"labels": rows[:2], "notes": [{"id": "b1", "label": "other"}],
                            "labels 2": [{"id": "c1", "note": "x"}]}, tmp_path / "other.xlsx")
    # every sheet of ids and labels is read (hunt 23 B, 6); a sheet of another header is no part of the labels
    assert read_labels(other) == {"a0": "annual_review", "a1": "other", "b1": "other"}
