"""`troopwatch inspect`: one page or feed through every stage, nothing indexed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_troopwatch
from tests.press import Press


@pytest.fixture(scope="module")
def press():
    with Press.start() as p:
        yield p


def _on_topic_with_claims(press):
    return next(
        a
        for a in press.articles
        if a.on_topic
        and a.expected_claims
        and a.lang == "en"
        and not a.syndication_of
        and not a.truncated
        and not a.encoding
    )


def test_inspect_page_shows_every_stage_and_indexes_nothing(press, es, indices, tw_env):
    article = _on_topic_with_claims(press)
    done = run_troopwatch(["inspect", "--json", article.url], tw_env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["kind"] == "page"
    stages = {s["name"]: s for s in report["stages"]}
    assert list(stages) == ["clean", "language", "relevance", "dedupe", "entities", "claims"]
    assert stages["clean"]["details"]["title"] == article.title
    assert article.body[0][:60] in stages["clean"]["details"]["text"]
    assert stages["language"]["details"]["lang"] == "en"
    assert stages["relevance"]["ok"] is True
    figures = {(c["figure_low"], c["category"]) for c in stages["claims"]["details"]["claims"]}
    expected = {(c["figure_low"], c["category"]) for c in article.expected_claims}
    assert expected & figures
    es.indices.refresh(index=indices.articles)
    assert es.count(index=indices.articles)["count"] == 0  # nothing indexed


def test_inspect_feed_lists_its_entries(press, tw_env):
    site = press.sites[0]
    done = run_troopwatch(["inspect", press.feed_url(site.name)], tw_env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("feed:")
    assert "entries" in done.stdout and site.base_url.split("//")[1] in done.stdout


def test_inspect_off_topic_page_says_it_would_not_be_indexed(press, tw_env):
    article = next(a for a in press.articles if not a.on_topic and a.lang == "en")
    done = run_troopwatch(["inspect", article.url], tw_env)
    assert done.returncode == 0, done.stderr
    assert "off topic, not indexed" in done.stdout


def test_inspect_unreadable_input_is_one_line(tw_env, tmp_path: Path):
    done = run_troopwatch(["inspect", str(tmp_path / "missing.html")], tw_env)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "missing.html" in done.stderr
