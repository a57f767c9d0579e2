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
