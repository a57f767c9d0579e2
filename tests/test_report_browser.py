"""The report in a real browser, offline: headless Chromium with every host name unresolvable.

Run with `make test-browser` (CI installs Debian's `chromium` when it is missing).
The screenshots go to $DVTOPICS_SCREENSHOTS (default: the test's tmp folder) for a person to look at.
"""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None,
                       reason="chromium is not installed (apt-get install -y chromium; .ci/run does it)"),
]

OFFLINE_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"]


def chromium(url: str, *flags: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(["chromium", *OFFLINE_FLAGS, f"--user-data-dir={profile}", *flags, url],
                              capture_output=True, text=True, timeout=120)


def console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and re.search(r"Uncaught|Error|ERR_", line)]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """The seeds' report with topics fitted on them, by the shipped model when it is there."""
    from dvtopics.types.model import DEFAULT_MODEL_DIR
    from dvtopics.cli import cli

    out = tmp_path_factory.mktemp("report") / "seeds-report.html"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DVTOPICS_CACHE", str(out.parent / "cache"))
        if not (DEFAULT_MODEL_DIR / "model_card.json").exists():
            _fake_classifier(patch)
        result = CliRunner().invoke(cli, ["report", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _fake_classifier(patch):
    import dvtopics.types.model as classify

    class Model:
        card = {"metrics": {}}
        labels = ["other"]

    patch.setattr(classify, "load_classifier", lambda model_dir=None: Model())
    patch.setattr(classify, "predict_articles", lambda model, articles, **kw: [
        {"id": a.id, "label": "other", "confidence": 0.5, "cues": [], "title": a.title, "date": a.date,
         "source": a.source, "error": a.error} for a in articles])


def test_rendered_report_has_titles_charts_and_no_js_error(seeds_report, seed_expectations, tmp_path):
    run = chromium(seeds_report.as_uri(), "--dump-dom")
    dom = run.stdout
    assert re.search(r'<html[^>]*data-ready="1"', dom), "the page's script did not run to its end"
    assert console_errors(run.stderr) == [] and "data-js-errors" not in dom
    drawn = int(re.search(r'data-charts-drawn="(\d+)"', dom).group(1))
    assert drawn == dom.count('class="chart"') >= 4  # types, months, topics over time and by type
    for expected in seed_expectations.values():
        assert expected["title"] in dom

    shots = Path(os.environ.get("DVTOPICS_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "seeds-report.png"
    chromium(seeds_report.as_uri(), f"--screenshot={shot}", "--window-size=1280,3200")
    assert shot.exists() and shot.stat().st_size > 50_000, "the screenshot is missing or blank"


def test_search_without_tone_marks_filters_rows_in_the_browser(seeds_report):
    # the view in the address: every type, search "truc bao" (typed without tone marks)
    run = chromium(seeds_report.as_uri() + "#type=&q=truc%20bao", "--dump-dom")
    rows = re.findall(r'<tr data-type="[^"]*" data-id="([^"]+)"( hidden="")?', run.stdout)
    visible = [row_id for row_id, hidden in rows if not hidden]
    assert len(rows) == 5 and visible == ["004_88b669e4eeb873bb"]
    assert re.search(r'id="shown">1<', run.stdout)


def probe(page: Path, script: str, tmp_path: Path, *flags: str) -> dict[str, str]:
    """Run `script` in a copy of `page` once it has loaded; what it sets as data-probe-* attributes of <html>."""
    copy = tmp_path / page.name
    copy.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", f"<script>addEventListener('load', function () {{ {script} }});</script></body>"), encoding="utf-8")
    html = re.search(r"<html[^>]*>", chromium(copy.as_uri(), "--dump-dom", "--virtual-time-budget=5000", *flags).stdout)
    return dict(re.findall(r'data-probe-([\w-]+)="([^"]*)"', html[0] if html else ""))


def at_phone_width(page: Path, tmp_path) -> dict:
    """The page measured in a 320 px frame, a small phone's width (Chromium's narrowest window is about 485 px):
    its scroll width ("page"), the frame's ("view"), and the elements outside a scrolling box that are wider
    ("wide")."""
    (tmp_path / page.name).write_bytes(page.read_bytes())
    frame = tmp_path / "phone.html"
    frame.write_text(f"""<html><body>
<iframe id="f" src="{page.name}" style="width:320px;height:800px;border:0"></iframe>
<script>document.getElementById('f').addEventListener('load', function () {{
  var doc = this.contentDocument, d = doc.documentElement, wide = [];
  doc.querySelectorAll('body *').forEach(function (e) {{
    if (e.getBoundingClientRect().right > d.clientWidth + 1 && !e.closest('.scroll')) wide.push(e.tagName + '#' + e.id);
  }});
  document.documentElement.dataset.page = d.scrollWidth; document.documentElement.dataset.view = d.clientWidth;
  document.documentElement.dataset.wide = wide.join(' ');
}});</script></body></html>""", encoding="utf-8")
    run = chromium(frame.as_uri(), "--dump-dom", "--virtual-time-budget=5000", "--allow-file-access-from-files")
    return dict(re.findall(r'data-(page|view|wide)="([^"]*)"', re.search(r"<html[^>]*>", run.stdout)[0]))


def test_at_phone_width_the_page_is_no_wider_than_the_screen(seeds_report, tmp_path):
    """Trial 9 (B, 07): at phone width the type and provenance tables ran past the right edge and the whole
    page scrolled sideways. Each wide table scrolls in a box of its own; nothing else is wider than the frame."""
    seen = at_phone_width(seeds_report, tmp_path)
    assert seen["wide"] == "" and int(seen["page"]) <= int(seen["view"]) < 320, seen


def test_at_phone_width_a_title_or_path_of_one_long_word_wraps(tmp_path):
    """Hunt 27 C: a report titled as a file name ("Báo_cáo_tổng_hợp_…") or a folder holding a file not read of a
    long name pushed the page to three times a phone's width: it scrolled sideways, the title cut at the edge."""
    from dvtopics.report.html import build_report

    records = [{"id": f"a{i}", "label": "other", "confidence": 0.9, "cues": [], "date": "2020-01-01",
                "title": f"Bài số {i}", "source": "Báo tỉnh", "error": None} for i in range(3)]
    page = tmp_path / "r.html"
    not_read = ["bai/" + "Bao_cao_tong_hop_cong_tac_dan_van_" * 3 + ".docx: not an article (.docx)"]
    page.write_text(build_report(records, title="Báo_cáo_tổng_hợp_công_tác_dân_vận_năm_2017_tỉnh_Thanh_Hóa",
                                 provenance={"not_read": not_read}), encoding="utf-8")
    seen = at_phone_width(page, tmp_path)
    assert seen["wide"] == "" and int(seen["page"]) <= int(seen["view"]) < 320, seen


def test_at_phone_width_a_title_and_the_topic_words_keep_a_readable_width(seeds_report, tmp_path):
    """Hunt 25 C: in a 320 px frame the article table squeezed each title to 43 px, a syllable or two a line, cut
    inside words ("Thư / ờng"); the topic table's words likewise. Their columns now keep 9rem; the box scrolls."""
    (tmp_path / seeds_report.name).write_bytes(seeds_report.read_bytes())
    frame = tmp_path / "phone.html"
    frame.write_text(f"""<html><body><iframe id="f" src="{seeds_report.name}" style="width:320px;height:800px;border:0"></iframe>
<script>document.getElementById('f').addEventListener('load', function () {{
  var doc = this.contentDocument, cells = doc.querySelectorAll('#topic-table tbody tr:first-child td');
  document.documentElement.dataset.title = doc.querySelector('#articles tbody td').getBoundingClientRect().width;
  document.documentElement.dataset.words = cells[3].getBoundingClientRect().width;
}});</script></body></html>""", encoding="utf-8")
    run = chromium(frame.as_uri(), "--dump-dom", "--virtual-time-budget=5000", "--allow-file-access-from-files")
    seen = dict(re.findall(r'data-(title|words)="([^"]*)"', re.search(r"<html[^>]*>", run.stdout)[0]))
    assert float(seen["title"]) >= 130 and float(seen["words"]) >= 130, seen


def test_one_article_found_is_said_in_the_singular_and_topics_sort_by_number(seeds_report, tmp_path):
    """Trial 9 (B): "1 articles shown" after a search that found one; sorting by "Main topic" put "10: …" before
    "2: …" (the names sorted as text)."""
    seen = probe(seeds_report, """var d = document.documentElement, search = document.getElementById('search');
  search.value = 'truc bao'; search.dispatchEvent(new Event('input'));
  d.dataset.probeShown = document.getElementById('shown').parentNode.textContent;
  var cells = ['10: b', '2: a', '', '1: c'], body = document.querySelector('#articles tbody');
  var th = Array.prototype.find.call(document.querySelectorAll('#articles th'), function (h) {
    return h.textContent === 'Main topic'; });
  Array.prototype.forEach.call(body.rows, function (r, i) { r.cells[th.cellIndex].textContent = cells[i % 4]; });
  th.click();
  d.dataset.probeSorted = Array.prototype.map.call(body.rows, function (r) {
    return r.cells[th.cellIndex].textContent; }).filter(function (t) { return t; }).join('|');""", tmp_path)
    assert seen["shown"] == "1 article shown"
    assert seen["sorted"] == "1: c|2: a|10: b|10: b", seen


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed (apt-get install poppler-utils)")
def test_printed_page_holds_every_article_row_and_the_folded_tables(tmp_path):
    """Hunt 20 (B, 01): printed or saved as PDF, the article table kept only the rows its scroll box showed (11 of
    40) and the folded tables (articles per source, per month) printed as their summary line only."""
    from dvtopics.report.html import build_report

    records = [{"id": f"a{i}", "label": "other", "confidence": 0.9, "cues": [], "title": f"Bài số {i:02d} ở xã Hòa Bình",
                "date": f"2020-{i % 12 + 1:02d}-01", "source": f"Báo tỉnh {i % 3}", "error": None} for i in range(40)]
    page = tmp_path / "r.html"
    page.write_text(build_report(records, provenance={"command": "dvtopics report a.jsonl"}), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    chromium(page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert sum(line.startswith("Bài số") for line in text.splitlines()) == 40
    assert "Báo tỉnh 2" in text  # articles per source
    assert re.search(r"^Month$", text, re.M) and "2020-12" in text  # the table of articles per month


def test_at_phone_width_a_wide_chart_keeps_a_readable_size_and_scrolls(seeds_report, tmp_path):
    """Hunt 20 (B, 04): in a 320 px frame the topic charts were drawn at a third of their size and less, their
    words a few pixels high. Each is now drawn at 0.6 of its size at least, scrolling sideways in its box."""
    (tmp_path / seeds_report.name).write_bytes(seeds_report.read_bytes())
    frame = tmp_path / "phone.html"
    frame.write_text(f"""<html><body><iframe id="f" src="{seeds_report.name}" style="width:320px;height:800px;border:0"></iframe>
<script>document.getElementById('f').addEventListener('load', function () {{
  var scales = [];
  this.contentDocument.querySelectorAll('svg.chart').forEach(function (s) {{
    scales.push(s.getBoundingClientRect().width / (s.viewBox.baseVal.width * 4 / 3));
  }});
  document.documentElement.dataset.scales = scales.join(' ');
}});</script></body></html>""", encoding="utf-8")
    run = chromium(frame.as_uri(), "--dump-dom", "--virtual-time-budget=5000", "--allow-file-access-from-files")
    scales = [float(s) for s in re.search(r'data-scales="([^"]*)"', run.stdout)[1].split()]
    assert len(scales) == 4 and min(scales) >= 0.59, scales


def test_a_title_of_one_long_word_does_not_push_the_other_columns_out_of_sight(tmp_path):
    """Hunt 21 B: a title (or an id shown for a missing title) of one long word, a URL or a string without spaces,
    widened the article table to five times the screen: every column but the title was out of sight, behind the
    table box's sideways scroll. The cell breaks the word anywhere instead."""
    from dvtopics.report.html import build_report

    records = [{"id": f"a{i}", "label": "other", "confidence": 0.9, "cues": ["một · hai"], "date": "2020-01-01",
                "title": "A" * 600 if i == 0 else f"Bài số {i}", "source": "Báo tỉnh", "error": None} for i in range(5)]
    page = tmp_path / "r.html"
    page.write_text(build_report(records), encoding="utf-8")
    seen = probe(page, """var box = document.getElementById('articles').parentNode, d = document.documentElement;
  d.dataset.probeBox = box.clientWidth; d.dataset.probeTable = document.getElementById('articles').scrollWidth;""",
                 tmp_path, "--window-size=1280,1000")
    assert int(seen["table"]) <= int(seen["box"]), seen


def test_the_search_box_shows_its_whole_hint(seeds_report, tmp_path):
    """Hunt 27 C: the box was its default width, its hint cut at "(không dấu cũ" ("without old accents"): its
    min-width, a share of its label, whose width is the box's own, was none."""
    seen = probe(seeds_report, """var box = document.getElementById('search'), style = getComputedStyle(box);
  var ruler = document.createElement('span');
  ruler.style.font = style.font; ruler.style.whiteSpace = 'pre'; ruler.textContent = box.placeholder;
  document.body.appendChild(ruler);
  var d = document.documentElement;
  d.dataset.probeText = ruler.getBoundingClientRect().width;
  d.dataset.probeRoom = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);""",
                 tmp_path, "--window-size=1280,1000")
    assert float(seen["text"]) <= float(seen["room"]), seen


def test_the_types_vietnamese_names_are_not_broken_a_word_a_line(tmp_path):
    """Trial 33: a report of 5,000 articles of the five types, their types from a labels file, showed the type table
    beside its chart with each Vietnamese name a word a line ("Sơ / kết / 6 / tháng", "Giao / ban, / trực / báo /
    quý"): the table's column took what was left. The name keeps a readable width, as the titles' columns do."""
    from dvtopics.article_types import ARTICLE_TYPES
    from dvtopics.report.html import build_report

    records = [{"id": f"a{i}", "label": label, "type_from": "input", "model_label": label, "confidence": 0.99,
                "cues": [], "date": f"2017-{i % 12 + 1:02d}-01", "title": f"Bài số {i}", "source": "Báo tỉnh",
                "error": None} for i, label in enumerate(ARTICLE_TYPES * 3)]
    page = tmp_path / "r.html"
    page.write_text(build_report(records, provenance={"labels_file": "labels.csv"}), encoding="utf-8")
    seen = probe(page, """var most = 0;
  document.querySelectorAll('#type-counts tbody td:nth-child(2)').forEach(function (cell) {
    var range = document.createRange(); range.selectNodeContents(cell);
    var tops = {}; Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = 1; });
    most = Math.max(most, Object.keys(tops).length);
  });
  document.documentElement.dataset.probeLines = most;""", tmp_path, "--window-size=1280,1000")
    assert int(seen["lines"]) <= 2, seen
