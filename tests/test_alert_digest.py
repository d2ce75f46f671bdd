"""Alerts people would rather look at: the email's timeline picture (inline, by Content-ID),
links into Kibana, outlet names, and the daily digest sent once per day across restarts.

Claims are written with the real ArticleWriter into the local Elasticsearch; email goes
through the real aiosmtpd receiver, Slack through the local webhook receiver; the email's
HTML is opened in headless Chromium (screenshot kept under var/test-artifacts/).
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from schedules.alerts import AlertSweeper, DigestSchedule, kibana_links_for
from schedules.notifiers import ConfigError, notifiers_from_env
from tests import receivers, test_alerts
from tests.browser import artifacts_dir, colour_share, dump_dom, screenshot
from tests.test_alerts import FAST, alert_docs, claim, write_article
from tests.test_kibana_links import fragment_state, shipped

smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver
baseline = test_alerts.baseline  # the seeds' figures: known, never alerted

DAY = datetime(2026, 3, 2, tzinfo=UTC)
SERIES_BLUE = (0x00, 0x72, 0xB2)  # timeline.PALETTE[0], the first claimant's series
NEW_RED = (0xC0, 0x00, 0x00)  # the ring around a new figure


class Clock:
    """The digest clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.imgs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.hrefs.append(a.get("href") or "")
        if tag == "img":
            self.imgs.append(a)


def parse_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def inline_images(msg: EmailMessage) -> dict[str, bytes]:
    """Content-ID -> bytes of every inline image of a message."""
    return {
        str(part["Content-ID"]).strip("<>"): part.get_content()
        for part in msg.walk()
        if part.get_content_type() == "image/png"
    }


def with_images_resolved(html: str, images: dict[str, bytes]) -> str:
    """The HTML as a mail reader shows it: each cid: picture replaced by a data: URI."""

    def data_uri(match: re.Match) -> str:
        return "data:image/png;base64," + base64.b64encode(images[match.group(1)]).decode()

    return re.sub(r"cid:([^\"'\s>]+)", data_uri, html)


def slack_links(payload: dict) -> list[str]:
    """Every <url|label> link Slack will show, its &amp; decoded."""
    text = json.dumps(payload, ensure_ascii=False)
    return [m.replace("&amp;", "&") for m in re.findall(r"<(https?://[^|>]+)\|", text)]


def check_kibana_links(urls: list[str], prefix: str, claim_keys: set, article_ids: set) -> None:
    """Kibana 8 URLs opening the shipped dashboard (per claim key) and Discover (per
    article), by the shipped saved-object ids for this index prefix."""
    objects = shipped(prefix)
    dashboard = next(o["id"] for o in objects if o["type"] == "dashboard")
    views = {o["attributes"]["title"]: o["id"] for o in objects if o["type"] == "index-pattern"}
    seen_keys, seen_articles = set(), set()
    for url in urls:
        parts = urlsplit(url)
        if not parts.path.startswith("/app/"):
            continue
        assert parts.scheme == "http" and parts.netloc == "kibana.test:5601", url
        route, g, a = fragment_state(url)
        assert g == {"time": {"from": "now-2y", "to": "now"}}
        assert a["query"]["language"] == "kuery"
        if parts.path == "/app/dashboards":
            assert route == f"/view/{dashboard}"
            key = re.match(r'claim_key : "([^"]+)"', a["query"]["query"]).group(1)
            seen_keys.add(key)
        else:
            assert parts.path == "/app/discover" and route == "/"
            assert a["index"] == views[f"{prefix}-articles"]
            seen_articles.add(re.match(r'article_id : "([^"]+)"', a["query"]["query"]).group(1))
    assert seen_keys == claim_keys
    assert seen_articles == article_ids


def new_claims(es, indices) -> list[dict]:
    es.indices.refresh(index=indices.claims)
    hits = es.search(index=indices.claims, size=100, query={"term": {"is_new": True}})
    return [h["_source"] for h in hits["hits"]["hits"]]


def write_news(es, indices) -> None:
    """Three new figures in two categories, from a catalogue outlet and another one."""
    write_article(
        es,
        indices,
        "hur-15000",
        [claim(15000, source="HUR", location="Kursk")],
        source="yonhap-en-nk",  # in the catalogue: "Yonhap News Agency (English) - North Korea"
        site="en.yna.co.kr",
        url="https://en.yna.co.kr/view/AEN20241120",
        title="Kyiv: 15,000 North Korean troops in Kursk",
        published_at="2024-11-20T09:00:00+00:00",
    )
    write_article(
        es,
        indices,
        "isw-range",
        [claim(11000, figure_high=13000, source="ISW")],
        site="Meridian Wire",  # not in the catalogue: the name the page declares
        published_at="2024-12-10T09:00:00+00:00",
    )
    write_article(
        es,
        indices,
        "zelensky-3000",
        [claim(3000, category="killed", source="Zelensky")],
        site="Meridian Wire",
        published_at="2025-01-14T09:00:00+00:00",
    )


# -- the email, as a person sees it -------------------------------------------------------


@pytest.mark.es
def test_daily_digest_email_with_picture_and_kibana_links_in_a_browser(
    es, indices, baseline, smtp_receiver, slack_receiver, tmp_path
):
    write_news(es, indices)
    env = {
        **smtp_receiver.env(),
        **slack_receiver.env(),
        "TROOPWATCH_DIGEST_EMAIL": "daily",
        "TROOPWATCH_KIBANA_URL": "http://kibana.test:5601",
    }
    clock = Clock(DAY + timedelta(hours=7, minutes=1))
    sw = AlertSweeper(
        es,
        indices,
        notifiers_from_env(env),
        tmp_path / "journal",
        FAST,
        schedule=DigestSchedule.from_env(env),
        digest_clock=clock,
        kibana=kibana_links_for(indices, env),
    )
    result = sw.sweep()
    assert result.delivered == {"email": 3, "slack": 3}, result
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    assert msg["Subject"].startswith("[troopwatch] Daily digest 2026-03-02: 3 new")

    # Structure: text and (HTML + its pictures) as alternatives.
    assert msg.get_content_type() == "multipart/alternative"
    plain_part, related = msg.get_payload()
    assert plain_part.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html = msg.get_body(("html",)).get_content()
    images = inline_images(msg)
    cids = re.findall(r'src="cid:([^"]+)"', html)
    assert len(cids) == 2 and set(cids) == set(images)  # one per category, all attached

    # The page as a mail reader shows it, in a real browser.
    page_path = tmp_path / "digest.html"
    page_path.write_text(with_images_resolved(html, images), encoding="utf-8")
    (artifacts_dir() / "alert-digest.html").write_text(page_path.read_text(), encoding="utf-8")
    dom = dump_dom(page_path)
    page = parse_page(dom)
    assert len(page.imgs) == 2
    for img in page.imgs:
        assert img["src"].startswith("data:image/png;base64,")
        assert "figures over time" in img["alt"]  # alt text for screen readers
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))
    for expected in (
        "Daily digest",
        "15,000",
        "11,000–13,000",
        "3,000",
        "HUR",
        "ISW",
        "Zelensky",
        "NIS",  # the earlier figures (seeds) of the category
        "Deployed",
        "Killed",
        "Yonhap News Agency (English)",  # the catalogue's name, not en.yna.co.kr
        "Meridian Wire",  # the name the page declares, not its host
    ):
        assert expected in text, expected
    assert "en.yna.co.kr," not in text and "meridian-wire.example," not in text
    for href in page.hrefs:
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, href

    shot = screenshot(page_path, "alert-digest.png", height=1750)
    assert colour_share(shot, SERIES_BLUE) > 0.00005  # a claimant's series is drawn
    assert colour_share(shot, NEW_RED) > 0.0002  # the new figures are ringed
    assert colour_share(shot, (0xFF, 0xFF, 0xFF), tolerance=10) < 0.97  # not blank
    for cid, png in images.items():  # each picture on its own is drawn, not blank
        path = tmp_path / f"{cid.split('@')[0]}.png"
        path.write_bytes(png)
        assert colour_share(path, NEW_RED) > 0.0005, cid

    # Plain-text readers get the same figures, the earlier ones as a list, and the links.
    plain = plain_part.get_content()
    for expected in ("15,000", "11,000–13,000", "3,000", "Zelensky", "12,000  (NIS)"):
        assert expected in plain, expected

    # Kibana: the dashboard per claim key and Discover per article, in every medium.
    claims = new_claims(es, indices)
    keys = {c["claim_key"] for c in claims}
    articles = {c["article_id"] for c in claims}
    check_kibana_links(page.hrefs, indices.prefix, keys, articles)
    check_kibana_links(re.findall(r"https?://\S+", plain), indices.prefix, keys, articles)
    check_kibana_links(slack_links(payload), indices.prefix, keys, articles)
    # Slack keeps the text timeline (incoming webhooks cannot upload images).
    assert "image" not in {b["type"] for b in payload["blocks"]}
    assert "*12,000*" in json.dumps(payload, ensure_ascii=False).replace("about ", "")


@pytest.mark.es
def test_without_a_kibana_url_there_is_no_kibana_link(
    es, indices, baseline, smtp_receiver, slack_receiver, tmp_path
):
    env = {**smtp_receiver.env(), **slack_receiver.env()}
    assert kibana_links_for(indices, env) is None
    write_news(es, indices)
    sw = AlertSweeper(es, indices, notifiers_from_env(env), tmp_path / "j", FAST, kibana=None)
    assert sw.sweep().delivered == {"email": 3, "slack": 3}
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    everything = (
        msg.get_body(("plain",)).get_content()
        + msg.get_body(("html",)).get_content()
        + json.dumps(payload)
    )
    assert "/app/" not in everything and "Kibana" not in everything
    assert len(inline_images(msg)) == 2  # the pictures do not depend on Kibana


# -- the daily digest: once per day, across restarts ------------------------------------


@pytest.mark.es
def test_daily_digest_is_sent_once_per_day_across_restarts(
    es, indices, baseline, smtp_receiver, slack_receiver, tmp_path
):
    env = {**smtp_receiver.env(), **slack_receiver.env(), "TROOPWATCH_DIGEST": "daily"}
    env["TROOPWATCH_DIGEST_SLACK"] = "instant"  # per channel; instant is the default
    clock = Clock(DAY + timedelta(hours=6))

    def daemon(journal: str) -> AlertSweeper:
        return AlertSweeper(
            es,
            indices,
            notifiers_from_env(env),
            tmp_path / journal,
            FAST,
            schedule=DigestSchedule.from_env(env),
            digest_clock=clock,
        )

    first = daemon("a")
    write_article(es, indices, "one", [claim(15000, source="HUR")])
    assert first.sweep().delivered == {"slack": 1}  # Slack is instant
    assert {d["status"] for d in alert_docs(es, indices).values()} == {"sent", "held"}
    clock.now = DAY + timedelta(hours=6, minutes=59)
    assert first.sweep().delivered == {}  # before the hour: the email waits
    assert smtp_receiver.messages == []

    clock.now = DAY + timedelta(hours=7)  # the hour has come
    assert first.sweep().delivered == {"email": 1}
    [msg] = smtp_receiver.wait_for_messages(1)
    assert "Daily digest 2026-03-02" in msg["Subject"] and "15,000" in msg["Subject"]
    assert first.sweep().delivered == {}

    # A restart (a new sweeper on the same journal) and a second daemon (its own journal),
    # later that day: the day's digest is recorded in Elasticsearch, so neither resends.
    restarted, other = daemon("a"), daemon("b")
    clock.now = DAY + timedelta(hours=7, minutes=30)
    assert restarted.sweep().delivered == {} and other.sweep().delivered == {}
    write_article(es, indices, "two", [claim(3000, category="killed", source="Zelensky")])
    clock.now = DAY + timedelta(hours=9)
    assert restarted.sweep().delivered == {"slack": 1}  # the new figure waits for tomorrow
    assert other.sweep().delivered == {}
    clock.now = DAY + timedelta(days=1, hours=6, minutes=59)
    assert other.sweep().delivered == {} and restarted.sweep().delivered == {}

    clock.now = DAY + timedelta(days=1, hours=7, minutes=5)
    delivered = [other.sweep().delivered, restarted.sweep().delivered]
    assert sorted(map(str, delivered)) == sorted(map(str, [{"email": 1}, {}]))
    messages = smtp_receiver.wait_for_messages(2)
    assert len(messages) == 2
    second = messages[1].get_body(("plain",)).get_content()
    assert "Daily digest 2026-03-03" in messages[1]["Subject"]
    assert "3,000" in second and "15,000 troops" not in second  # only the day's figure
    assert len(slack_receiver.payloads) == 2

    # The record: one marker per channel and day, and the new alert fields searchable.
    docs = alert_docs(es, indices)
    markers = {k for k, d in docs.items() if d.get("kind") == "digest"}
    assert markers == {"digest:email:2026-03-02", "digest:email:2026-03-03"}
    es.indices.refresh(index=indices.alerts)

    def count(query: dict) -> int:
        return es.count(index=indices.alerts, query=query)["count"]

    assert count({"term": {"delivered_to": "analyst@example.org"}}) == 2
    assert count({"term": {"digest_day": "2026-03-03"}}) == 2  # the marker, the alert
    assert count({"term": {"kind": "digest"}}) == 2
    leased = {
        "bool": {"filter": [{"exists": {"field": "leased_by"}}, {"term": {"kind": "digest"}}]}
    }
    assert count(leased) == 2  # each marker names the daemon that made it


@pytest.mark.es
def test_switching_a_channel_back_to_instant_sends_what_was_held(
    es, indices, baseline, slack_receiver, tmp_path
):
    daily = {**slack_receiver.env(), "TROOPWATCH_DIGEST": "daily"}
    clock = Clock(DAY + timedelta(hours=3))
    sw = AlertSweeper(
        es,
        indices,
        notifiers_from_env(daily),
        tmp_path / "j",
        FAST,
        schedule=DigestSchedule.from_env(daily),
        digest_clock=clock,
    )
    write_article(es, indices, "one", [claim(15000, source="HUR")])
    assert sw.sweep().delivered == {}
    restarted = AlertSweeper(
        es, indices, notifiers_from_env(slack_receiver.env()), tmp_path / "j", FAST
    )
    assert restarted.sweep().delivered == {"slack": 1}  # the default: instant


def test_digest_settings_from_the_environment():
    default = DigestSchedule.from_env({})
    assert default.mode("email") == default.mode("slack") == "instant" and default.hour == 7
    s = DigestSchedule.from_env(
        {"TROOPWATCH_DIGEST": "Daily", "TROOPWATCH_DIGEST_SLACK": "instant"}
        | {"TROOPWATCH_DIGEST_HOUR": "18"}
    )
    assert (s.mode("email"), s.mode("slack"), s.hour) == ("daily", "instant", 18)
    assert s.due_day(DAY + timedelta(hours=17, minutes=59)) is None
    assert s.due_day(DAY + timedelta(hours=18)) == "2026-03-02"
    for env in (
        {"TROOPWATCH_DIGEST": "weekly"},
        {"TROOPWATCH_DIGEST_EMAIL": "hourly"},
        {"TROOPWATCH_DIGEST_HOUR": "24"},
        {"TROOPWATCH_DIGEST_HOUR": "seven"},
    ):
        with pytest.raises(ConfigError) as info:
            DigestSchedule.from_env(env)
        assert "\n" not in str(info.value) and next(iter(env)) in str(info.value)


def test_timeline_picture_shows_ranges_and_vague_figures():
    """The picture from a digest: a range and a vague figure among the new ones."""
    from schedules.digest import AlertClaim, Digest, TimelineEntry, timeline_pictures

    def new(low, high, qualifier, source, day):
        return AlertClaim(
            low, high, qualifier, "deployed", source, "…", published_at=DAY + timedelta(days=day)
        )

    digest = Digest(
        claims=[new(11000, 13000, "exact", "ISW", 0), new(None, None, "vague", "Kremlin", 1)],
        timelines={"deployed": [TimelineEntry(12000, None, "approx", "NIS", DAY - timedelta(30))]},
        generated_at=DAY,
    )
    pictures = timeline_pictures(digest)
    path = artifacts_dir() / "alert-timeline-range-vague.png"
    path.write_bytes(pictures["deployed"])
    assert colour_share(path, NEW_RED) > 0.0005 and colour_share(path, SERIES_BLUE) > 0.0001
