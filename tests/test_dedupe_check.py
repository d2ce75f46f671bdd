"""`troopwatch dedupe check` through the real command line (the contract in docs/design.md)."""

from __future__ import annotations

import html
import json
import re
import socket
from pathlib import Path

import pytest

from tests.conftest import run_troopwatch
from troopwatch.cli import _read_inputs
from troopwatch.dedupe.check import check_texts
from troopwatch.dedupe.store import dedupe_fields
from troopwatch.seeds import load_seeds

pytestmark = pytest.mark.es

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
KEYS = {"file", "duplicate_of", "similarity"}

# A different article on the same story: same people, places and figures, own wording.
SAME_STORY = """\
Seoul says more North Korean units are heading west as Kursk fighting intensifies

South Korea's National Intelligence Service told lawmakers on Wednesday that the number of
North Korean soldiers in Russia could soon exceed 10,000, up from the 1,500 special forces it
first reported in mid-October. Pyongyang has said nothing in public about the deployment.

The Pentagon, which had put the figure at around 10,000 earlier in the week, now believes a
few thousand of those troops have moved from training grounds near Vladivostok towards the
Kursk region, where Ukrainian forces still hold territory taken in their August incursion.
Pentagon spokesperson Sabrina Singh declined to say whether any had yet seen combat.

In Kyiv, foreign minister Andrii Sybiha repeated his call for allies to respond with more
than statements. Ukraine's president Volodymyr Zelenskyy urged partners to let his army
strike military sites inside Russia with long-range Western weapons before, as he put it,
the new arrivals reach the front line. NATO Secretary-General Mark Rutte, speaking in
Brussels, called the deployment a dangerous widening of the war and said the alliance was
consulting with partners in the Indo-Pacific, including South Korea and Japan.

Analysts in Seoul were divided on what Kim Jong Un expects in return. Some pointed to
satellite and missile technology, others to food, oil and hard currency for an economy
squeezed by sanctions. A former intelligence official said the soldiers, many of them in
their early twenties, had been issued Russian uniforms and identity papers from Siberian
republics to disguise their origin, a claim the Kremlin dismissed as fabrication.

Lloyd Austin, the US defence secretary, said Washington would discuss the matter with its
allies in the coming days. South Korea's president Yoon Suk Yeol has not ruled out
supplying weapons to Ukraine directly, a step Seoul has avoided since the start of the war.
"""

OFF_TOPIC = """\
The city council approved a new budget for the riverside library on Tuesday evening after a
long debate about opening hours, parking spaces and the cost of replacing the roof. The
library, built in 1968, will close for eight months while contractors install solar panels,
a lift for wheelchair users and a larger reading room for children. Volunteers from the
local history society have offered to move the archive of old newspapers and maps to a
temporary home in the town hall. The head librarian said membership had grown by a third
since the reading club started meeting on Saturday mornings, and that the school holidays
remain the busiest weeks of the year. Residents can send comments on the plans until the end
of the month, and a public meeting about the garden and the new bicycle racks is planned.
"""


def html_page(title: str, body: str) -> str:
    """The seed as a news site would serve it: navigation, ads, related links, footer."""
    paragraphs = "\n".join(
        f"      <p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip()
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{html.escape(title)} | The Daily Observer</title>
<meta property="article:published_time" content="2024-10-24T08:15:00Z"></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a>
    <a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/login">Sign in</a></nav>
  </header>
  <div class="ad-banner">Advertisement: Save 50% on your first year of unlimited access.
    Subscribe today and get the app free.</div>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
      <p class="byline">By Staff Reporter, 24 October 2024</p>
{paragraphs}
    </article>
    <aside class="related"><h2>Most read</h2><ul>
      <li><a href="/a1">Ten recipes for a rainy weekend</a></li>
      <li><a href="/a2">Markets close higher as tech stocks rally</a></li>
      <li><a href="/a3">Local team wins the cup after penalties</a></li></ul></aside>
    <div class="ad-box">Sponsored: The best travel insurance deals of the year, compared.</div>
  </main>
  <footer><p>&copy; 2024 The Daily Observer. All rights reserved.</p>
    <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a>
  </footer>
</body></html>
"""


def light_edit(text: str) -> str:
    """A syndicated copy: rewrapped, retitled, a few words changed, the last paragraph cut."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    edited = "\n\n".join(paragraphs[:-1])
    for old, new in (
        ("Pentagon", "US Defense Department"),
        ("about", "roughly"),
        ("NATO", "Nato"),
        ("“", '"'),
        ("”", '"'),
    ):
        edited = edited.replace(old, new, 2)
    return "North Korean troops in Russia: what we know\n\nBy our wire service\n\n" + edited


def parse_rows(stdout: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    for row in rows:
        assert set(row) == KEYS, row
        assert isinstance(row["similarity"], float | int) and 0.0 <= row["similarity"] <= 1.0
        assert row["similarity"] == round(row["similarity"], 3)
    return rows


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    seed_html = SEEDS[2].read_text(encoding="utf-8")
    title, _, body = seed_html.partition("\n")
    made = {
        "seed_page.html": html_page(title, body),
        "seed_edited.txt": light_edit(SEEDS[3].read_text(encoding="utf-8")),
        "same_story.txt": SAME_STORY,
        "off_topic.txt": OFF_TOPIC,
    }
    out = {}
    for name, content in made.items():
        out[name] = tmp_path / name
        out[name].write_text(content, encoding="utf-8")
    return out


def assert_verdicts(rows: list[dict], files: dict[str, Path]) -> None:
    by_file = {row["file"]: row for row in rows}
    assert list(by_file) == [str(p) for p in files.values()]  # one row per file, in order
    page = by_file[str(files["seed_page.html"])]
    assert page["duplicate_of"] == SEEDS[2].stem and page["similarity"] >= 0.6, page
    edited = by_file[str(files["seed_edited.txt"])]
    assert edited["duplicate_of"] == SEEDS[3].stem and edited["similarity"] >= 0.6, edited
    for name in ("same_story.txt", "off_topic.txt"):
        row = by_file[str(files[name])]
        assert row["duplicate_of"] is None and row["similarity"] < 0.6, row


def test_same_story_text_is_about_300_words_and_shares_names_and_figures():
    assert 280 <= len(SAME_STORY.split()) <= 380
    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS)
    for shared in ("10,000", "1,500", "Sybiha", "Sabrina Singh", "Mark Rutte", "Kursk"):
        assert shared in SAME_STORY and shared in seeds


def test_check_against_elasticsearch(es, indices, tw_env, files, tmp_path):
    loaded = run_troopwatch(["seeds", "load"], tw_env)
    assert loaded.returncode == 0, loaded.stderr
    proc = run_troopwatch(["dedupe", "check", *map(str, files.values())], tw_env)
    assert proc.returncode == 0, proc.stderr
    assert_verdicts(parse_rows(proc.stdout), files)

    # Anything indexed counts, not only the seeds: index the same-story article as a crawled
    # one, then a truncated copy of it with a "read more" line is its duplicate.
    es.index(
        index=indices.articles,
        id="wire-0001",
        document={"article_id": "wire-0001", "text": SAME_STORY, "lang": "en"}
        | dedupe_fields(SAME_STORY),
        refresh=True,
    )
    teaser = tmp_path / "teaser.txt"
    teaser.write_text(SAME_STORY[: len(SAME_STORY) // 2] + "\nRead more on our website.\n")
    proc = run_troopwatch(["dedupe", "check", str(teaser), str(files["same_story.txt"])], tw_env)
    assert proc.returncode == 0, proc.stderr
    rows = parse_rows(proc.stdout)
    assert [r["duplicate_of"] for r in rows] == ["wire-0001", "wire-0001"], rows
    assert rows[0]["similarity"] >= 0.6 and rows[1]["similarity"] == 1.0


def test_loaded_seeds_are_found_through_elasticsearch(es, indices, files, tmp_path):
    # No seed files to fall back on: the verdicts come from the indexed seeds alone.
    load_seeds(es, indices)
    no_seed_files = tmp_path / "no-seeds"
    no_seed_files.mkdir()
    inputs = _read_inputs([str(p) for p in files.values()])
    rows = list(check_texts(inputs, (es, indices), seeds_dir=no_seed_files))
    assert_verdicts(rows, files)


def test_seeds_count_even_when_not_loaded(tw_env, files):
    # Fresh indices, `seeds load` never run: the seed files still answer for the seeds.
    proc = run_troopwatch(["dedupe", "check", *map(str, files.values())], tw_env)
    assert proc.returncode == 0, proc.stderr
    assert_verdicts(parse_rows(proc.stdout), files)


def test_unreachable_elasticsearch_answers_from_the_seed_files(tw_env, files):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**tw_env, "TROOPWATCH_ES_URL": f"http://127.0.0.1:{port}"}
    proc = run_troopwatch(["dedupe", "check", *map(str, files.values())], env)
    assert proc.returncode == 0, proc.stderr
    assert_verdicts(parse_rows(proc.stdout), files)
    assert re.search(r"not reachable.*seed files", proc.stderr), proc.stderr


def test_missing_file_is_bad_input(tw_env, files, tmp_path):
    missing = tmp_path / "no_such_article.html"
    proc = run_troopwatch(["dedupe", "check", str(files["off_topic.txt"]), str(missing)], tw_env)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_article.html" in lines[0], proc.stderr
