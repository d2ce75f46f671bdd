"""Alert rendering (email, Slack) and delivery through local SMTP / webhook receivers."""

from __future__ import annotations

import json
import re
import smtplib
import urllib.error
import urllib.request
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest

from schedules.digest import (
    CLAIMS_PER_SLACK_MESSAGE,
    AlertClaim,
    Digest,
    TimelineEntry,
    clean_text,
    format_figure,
    render_email,
    render_slack,
    render_slack_messages,
    safe_url,
    sample_digest,
    slack_escape,
    slack_link,
)
from schedules.notifiers import (
    ConfigError,
    DeliveryError,
    EmailNotifier,
    Notifier,
    SlackNotifier,
    notifiers_from_env,
)
from tests import receivers
from tests.receivers import SlackReceiver, SMTPReceiver, validate_payload

# The shared fixtures (conftest.py may import them as well; the same function is fine).
smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver

NOW = datetime(2024, 11, 5, 9, 30, tzinfo=UTC)


def make_claim(**overrides: Any) -> AlertClaim:
    fields: dict[str, Any] = {
        "figure_low": 12000,
        "figure_high": None,
        "qualifier": "approx",
        "category": "deployed",
        "source": "NIS",
        "sentence": "South Korea's NIS said about 12,000 troops have been deployed to Kursk.",
        "unit": "troops",
        "location": "Kursk",
        "lang": "en",
        "claim_key": "deployed:12000:",
        "claim_id": "c1",
        "title": "Seoul raises estimate of North Korean troops",
        "outlet": "Yonhap",
        "published_at": datetime(2024, 11, 4, 14, 5, tzinfo=UTC),
        "url": "https://en.yna.co.kr/view/AEN20241104",
    }
    fields.update(overrides)
    return AlertClaim(**fields)


def make_timeline() -> dict[str, list[TimelineEntry]]:
    return {
        "deployed": [
            TimelineEntry(
                3000,
                None,
                "exact",
                "NIS",
                datetime(2024, 10, 18, tzinfo=UTC),
                "https://a.example/1",
            ),
            TimelineEntry(
                10000,
                None,
                "approx",
                "Pentagon",
                datetime(2024, 10, 28, tzinfo=UTC),
                "https://b.example/2",
            ),
        ],
        "killed": [
            TimelineEntry(40, None, "exact", "Zelensky", datetime(2024, 11, 1, tzinfo=UTC), ""),
        ],
    }


def make_digest(*claims: AlertClaim) -> Digest:
    return Digest(
        claims=list(claims) or [make_claim()], timelines=make_timeline(), generated_at=NOW
    )


HOSTILE = (
    "<script>alert(1)</script> <b>bold</b> <!channel> <!here> <@U123> "
    "<http://evil.example|click here> *bold* _it_ ~strike~ `code` @channel @here @everyone "
    "A & B\n> fake quote\r\nLink: http://phish.example"
)


def hostile_claim() -> AlertClaim:
    return make_claim(
        sentence=HOSTILE,
        title='<img src=x onerror="alert(1)"> *Title* <!channel>',
        outlet="<!here> Evil <a href='http://evil.example'>Times</a>",
        source="<@U999> `NIS`",
        unit="<i>troops</i>",
        location="*Kursk*<!everyone>",
        url="javascript:alert(document.cookie)",
    )


def hostile_digest() -> Digest:
    timeline = {
        "deployed": [
            TimelineEntry(
                5000,
                None,
                "exact",
                "<@U777> _someone_",
                datetime(2024, 10, 20, tzinfo=UTC),
                "javascript:alert(2)",
            ),
            TimelineEntry(6000, None, "exact", "<!channel>", None, 'https://ok.example/a|b>c<d"e'),
        ]
    }
    return Digest(claims=[hostile_claim()], timelines=timeline, generated_at=NOW)


def mrkdwn_texts(payload: dict[str, Any]) -> list[str]:
    """Every string Slack will parse as mrkdwn (and the fallback text)."""
    texts = [payload["text"]]
    for block in payload["blocks"]:
        objs = []
        if "text" in block:
            objs.append(block["text"])
        objs += block.get("fields", []) + block.get("elements", [])
        texts += [o["text"] for o in objs if o.get("type") == "mrkdwn"]
    return texts


def slack_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(body: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(body)
    parser.close()
    return parser


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "expected"),
    [
        (12000, None, "approx", "about 12,000"),
        (12000, None, "exact", "12,000"),
        (10000, 12000, "exact", "10,000–12,000"),
        (10000, 12000, "approx", "about 10,000–12,000"),
        (3000, None, "at_least", "at least 3,000"),
        (3000, None, "more_than", "more than 3,000"),
        (3000, None, "nearly", "nearly 3,000"),
        (12000, None, "up_to", "up to 12,000"),
        (None, None, "vague", "several (vague)"),
        (1000, 1000, "exact", "1,000"),
    ],
)
def test_format_figure(low: int | None, high: int | None, qualifier: str, expected: str) -> None:
    assert format_figure(low, high, qualifier) == expected


def test_email_shows_claim_article_and_timeline() -> None:
    subject, text, html_body = render_email(make_digest())
    assert "about 12,000 troops" in subject and "deployed" in subject and "NIS" in subject
    for expected in (
        "about 12,000 troops — deployed",
        "Claimant:  NIS",
        "Qualifier: approx",
        "Location:  Kursk",
        "“South Korea's NIS said about 12,000 troops have been deployed to Kursk.”",
        "Seoul raises estimate of North Korean troops — Yonhap, 2024-11-04 14:05 UTC",
        "https://en.yna.co.kr/view/AEN20241104",
        "2024-10-18  3,000  (NIS)",
        "2024-10-28  about 10,000  (Pentagon)",
    ):
        assert expected in text
    # The timeline is oldest first, so the latest earlier figure sits next to the new one.
    assert text.index("3,000  (NIS)") < text.index("about 10,000  (Pentagon)")

    doc = parse_html(html_body)
    hrefs = [a.get("href") for tag, a in doc.tags if tag == "a"]
    assert "https://en.yna.co.kr/view/AEN20241104" in hrefs
    assert "https://a.example/1" in hrefs
    visible = "".join(doc.text)
    for expected in ("Seoul raises estimate", "Yonhap", "2024-11-04 14:05 UTC", "NIS", "Kursk"):
        assert expected in visible
    assert "South Korea's NIS said about 12,000 troops" in visible
    assert "Pentagon" in visible and "about 10,000" in visible


def test_slack_payload_structure_and_content() -> None:
    payload = render_slack(make_digest())
    validate_payload(payload)  # the receiver's own checks
    kinds = [b["type"] for b in payload["blocks"]]
    assert kinds == ["header", "context", "section", "context", "section", "divider"]
    assert payload["blocks"][0]["text"]["type"] == "plain_text"
    claim_section = payload["blocks"][2]
    fields = "\n".join(f["text"] for f in claim_section["fields"])
    assert "*Figure*\nabout 12,000 troops" in fields
    assert "*Category*\ndeployed" in fields
    assert "*Qualifier*\napprox" in fields
    assert "*Claimant*\nNIS" in fields
    assert "*Location*\nKursk" in fields
    text = claim_section["text"]["text"]
    assert (
        "<https://en.yna.co.kr/view/AEN20241104|Seoul raises estimate of North Korean troops>"
        in text
    )
    assert ">“South Korea's NIS said about 12,000 troops" in text
    context = payload["blocks"][3]["elements"][0]["text"]
    assert "Yonhap" in context and "2024-11-04 14:05 UTC" in context
    timeline = payload["blocks"][4]["text"]["text"]
    assert "<https://a.example/1|2024-10-18> — *3,000* — NIS" in timeline
    assert "<https://b.example/2|2024-10-28> — *about 10,000* — Pentagon" in timeline
    assert "about 12,000 troops — deployed (NIS)" in payload["text"]


def test_several_claims_render_as_one_digest() -> None:
    digest = make_digest(
        make_claim(),
        make_claim(
            figure_low=100,
            qualifier="exact",
            category="killed",
            source="Zelensky",
            sentence="Zelensky said 100 North Korean soldiers were killed.",
            claim_id="c2",
        ),
        make_claim(
            figure_low=10000,
            figure_high=12000,
            qualifier="exact",
            category="planned",
            source="Pentagon",
            sentence="Up to 12,000 more may be sent.",
            claim_id="c3",
        ),
    )
    subject, text, html_body = render_email(digest)
    assert subject.startswith("[troopwatch] 3 new troop-figure claims")
    for sentence in (
        "deployed to Kursk",
        "100 North Korean soldiers were killed",
        "more may be sent",
    ):
        assert sentence in text and sentence in html_body
    assert "40  (Zelensky)" in text  # the killed timeline goes with the killed claim
    messages = render_slack_messages(digest)
    assert len(messages) == 1
    assert sum(b["type"] == "divider" for b in messages[0]["blocks"]) == 3
    assert "3 new troop-figure claims" in messages[0]["blocks"][0]["text"]["text"]


def test_big_digest_is_split_within_block_limits() -> None:
    claims = [
        make_claim(figure_low=1000 + i, claim_id=f"c{i}", sentence=f"Claim number {i}.")
        for i in range(30)
    ]
    messages = render_slack_messages(make_digest(*claims))
    assert len(messages) == -(-30 // CLAIMS_PER_SLACK_MESSAGE)
    seen = []
    for i, payload in enumerate(messages, 1):
        validate_payload(payload)
        assert len(payload["blocks"]) <= 50
        assert payload["blocks"][0]["text"]["text"].endswith(f"({i}/{len(messages)})")
        seen += re.findall(r"Claim number (\d+)\.", json.dumps(payload))
    assert sorted(set(seen), key=int) == [str(i) for i in range(30)]
    assert render_slack(make_digest(*claims)) == messages[0]


def test_long_text_truncated_with_ellipsis() -> None:
    long_sentence = "Troops & <tanks> " * 1000  # escaping inflates it further
    claim = make_claim(
        sentence=long_sentence, title="T&" * 500, outlet="O" * 5000, source="S" * 5000
    )
    timeline = {
        "deployed": [
            TimelineEntry(i, None, "exact", "<x>" * 300, NOW, "https://e.example/" + "p" * 150)
            for i in range(40)
        ]
    }
    payload = render_slack(Digest([claim], timeline, NOW))
    validate_payload(payload)
    section = payload["blocks"][2]["text"]["text"]
    assert len(section) <= 3000 and "…”" in section
    assert "&amp;" in section and not re.search(r"&(?!amp;|lt;|gt;)", section)
    timeline_text = payload["blocks"][4]["text"]["text"]
    assert "earlier figure(s) not shown" in timeline_text
    subject, text, _ = render_email(Digest([claim], timeline, NOW))
    assert len(subject) <= 150 and "…" in text


@pytest.mark.parametrize(
    "url",
    [
        "https://e.example/?" + "a=1&" * 200,  # fits before escaping, not after (&amp;)
        "https://e.example/" + "x" * 990,
        "https://e.example/" + "x" * 5000,
        "https://e.example/" + "|" * 400,  # percent-encoding triples it
    ],
)
def test_slack_section_stays_within_limit_whatever_the_url(url: str) -> None:
    claim = make_claim(
        url=url, sentence="& " * 3000, title="<&>" * 400, unit="&" * 400, source="&" * 900
    )
    payload = render_slack(Digest([claim], {"deployed": []}, NOW))
    validate_payload(payload)
    for block in payload["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000


def test_timeline_is_short() -> None:
    entries = [
        TimelineEntry(1000 * i, None, "exact", f"C{i}", datetime(2024, 1, i, tzinfo=UTC))
        for i in range(1, 26)
    ]
    digest = Digest([make_claim()], {"deployed": entries}, NOW)
    _, text, _ = render_email(digest)
    assert "15 earlier figure(s) not shown" in text
    assert "(C25)" in text and "(C15)" not in text
    timeline = render_slack(digest)["blocks"][4]["text"]["text"]
    assert "— C25" in timeline and "— C15\n" not in timeline


def test_first_figure_in_category_says_so() -> None:
    digest = Digest([make_claim(category="captured", figure_low=2, qualifier="exact")], {}, NOW)
    _, text, html_body = render_email(digest)
    assert "first figure in this category" in text and "first figure in this category" in html_body
    assert "first figure" in render_slack(digest)["blocks"][4]["text"]["text"]


# ---------------------------------------------------------------------------
# Hostile page content
# ---------------------------------------------------------------------------


def test_hostile_content_is_plain_text_in_html() -> None:
    subject, text, html_body = render_email(hostile_digest(), {"deployed": "pic@troopwatch"})
    doc = parse_html(html_body)
    allowed = {
        "h3",
        "img",
        "html",
        "head",
        "meta",
        "title",
        "body",
        "p",
        "small",
        "div",
        "h2",
        "table",
        "tr",
        "th",
        "td",
        "blockquote",
        "ul",
        "li",
        "b",
        "a",
    }
    assert {tag for tag, _ in doc.tags} <= allowed
    for tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://")), attrs
            assert "evil" not in attrs["href"]
        if tag == "img":  # only our own picture, by Content-ID, with page text only in alt
            assert attrs["src"] == "cid:pic@troopwatch", attrs
            assert set(attrs) == {"src", "alt", "width", "style"}, attrs
    assert not any(t == "b" and "bold" in str(a) for t, a in doc.tags)
    visible = "".join(doc.text)
    # The page's markup is shown literally, as text.
    assert "<script>alert(1)</script>" in visible
    assert "<b>bold</b>" in visible
    assert '<img src=x onerror="alert(1)">' in visible
    assert "<http://evil.example|click here>" in visible
    assert "javascript:alert(document.cookie)" in visible  # shown, never linked
    assert "&lt;script&gt;" in html_body
    # The odd-but-http URL is percent-encoded inside a quoted href.
    assert 'href="https://ok.example/a%7Cb%3Ec%3Cd%22e"' in html_body
    # Plain-text part: no forged extra lines.
    assert "\nLink: http://phish.example" not in text
    assert "> fake quote Link: http://phish.example" in text
    assert "\n" not in subject and "\r" not in subject


def test_hostile_content_is_plain_text_in_slack() -> None:
    payload = render_slack(hostile_digest())
    validate_payload(payload)
    texts = mrkdwn_texts(payload)
    joined = "\n".join(texts)
    # Only the links troopwatch builds: <http(s)://…|label>, with a validated URL.
    for match in re.findall(r"<([^>]*)>", joined):
        url, _, label = match.partition("|")
        assert url.startswith(("https://", "http://")), match
        assert "evil" not in url and "javascript" not in url
        assert "<" not in label
    assert "https://ok.example/a%7Cb%3Ec%3Cd%22e" in joined
    for bad in (
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<@U123>",
        "<@U999>",
        "<@U777>",
        "<http://evil.example|click here>",
        "<script>",
        "javascript:alert(2)",
    ):
        assert bad not in joined, bad
    for bad in ("@channel", "@here", "@everyone"):
        assert bad not in joined, bad
    assert "@\u200dchannel" in joined
    # No formatting from the page: markers became lookalikes.
    for bad in ("*bold*", "_it_", "~strike~", "`code`", "*Title*", "*Kursk*", "`NIS`", "_someone_"):
        assert bad not in joined, bad
    # …yet the text still reads the same to a human (joiners are invisible).
    shown = slack_unescape(joined).replace("\u2060", "").replace("\u200d", "")
    assert "<!channel>" in shown and "<http://evil.example|click here>" in shown
    assert "<script>alert(1)</script>" in shown and "A & B" in shown
    # No line starting with the page's "> fake quote" (would be a blockquote).
    assert not any(line.startswith("&gt; fake") for t in texts for line in t.splitlines())
    assert "link withheld" in joined  # the javascript: article URL is not linked
    # A bare URL in page text is not auto-linked by Slack (word joiner after the scheme).
    assert "http://phish.example" not in joined and "http\u2060://phish.example" in joined


def test_header_never_carries_page_text() -> None:
    payload = render_slack(hostile_digest())
    assert payload["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "New troop-figure claim"},
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
        ("HTTP://Example.com/x", "http://example.com/x"),
        ("https://example.com/a|b>c", "https://example.com/a%7Cb%3Ec"),
        ('https://example.com/"><script>', "https://example.com/%22%3E%3Cscript%3E"),
        ("https://trusted.example@evil.example/", "https://evil.example/"),
        (
            "https://пример.рф/новости",
            "https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
        ),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("https://exa\nmple.com/", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_clean_text_removes_controls_and_bidi_tricks() -> None:
    assert clean_text("a\u202eb\u200fc\x00d\n\r\te  f") == "abcd e f"


def test_slack_helpers() -> None:
    assert slack_escape("<!channel> & *x*") == "&lt;!channel&gt; &amp; \u2217x\u2217"
    assert slack_link("https://a.example/?x=1&y=2", "lbl") == "<https://a.example/?x=1&amp;y=2|lbl>"
    assert slack_link("javascript:x", "lbl") == "lbl"


def test_alert_claim_from_docs() -> None:
    claim = AlertClaim.from_doc(
        {
            "figure_low": 11000,
            "figure_high": None,
            "qualifier": "exact",
            "category": "deployed",
            "source": "NIS",
            "sentence": "s",
            "published_at": "2024-10-18T08:00:00Z",
            "url": "https://x.example/a",
            "claim_key": "k",
        },
        {"title": "T", "site": "example.com", "source": "Example"},
        claim_id="id1",
    )
    assert claim.outlet == "example.com" and claim.title == "T" and claim.claim_id == "id1"
    assert claim.published_at == datetime(2024, 10, 18, 8, tzinfo=UTC)
    assert TimelineEntry.from_doc(
        {"figure_low": 1, "published_at": 1729238400000}
    ).published_at == (datetime(2024, 10, 18, 8, tzinfo=UTC))


# ---------------------------------------------------------------------------
# Email delivery
# ---------------------------------------------------------------------------


def test_email_via_smtp_with_login_and_several_recipients() -> None:
    with SMTPReceiver(users={"alerts": "s3cret pass"}) as smtp:
        env = smtp.env(
            TROOPWATCH_SMTP_SECURITY="none",
            TROOPWATCH_SMTP_TO="desk@example.org, duty@example.org,,",
        )
        notifier = EmailNotifier.from_env(env)
        assert notifier is not None
        notifier.deliver(make_digest(make_claim(), make_claim(category="killed", figure_low=100)))
        (msg,) = smtp.wait_for_messages(1)
        envelope = smtp.envelopes[0]
    assert envelope["rcpt_tos"] == ["desk@example.org", "duty@example.org"]
    assert envelope["login"] == "alerts"
    assert msg["From"] == "troopwatch@example.org"
    assert msg["To"] == "desk@example.org, duty@example.org"
    assert msg["Subject"].startswith("[troopwatch] 2 new troop-figure claims")
    assert msg["Message-ID"].endswith("@example.org>") and msg["Date"]
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",)).get_content()
    html_part = msg.get_body(("html",)).get_content()
    assert "about 12,000 troops — deployed" in plain and "“South Korea's NIS said" in plain
    assert '<a href="https://en.yna.co.kr/view/AEN20241104"' in html_part


@pytest.mark.parametrize(
    "smtp_receiver",
    [{"security": "starttls", "users": {"u": "p"}}, {"security": "ssl", "users": {"u": "p"}}],
    indirect=True,
    ids=["starttls", "ssl"],
)
def test_email_over_tls(smtp_receiver: SMTPReceiver) -> None:
    notifier = EmailNotifier(
        smtp_receiver.host,
        smtp_receiver.port,
        "u",
        "p",
        "tw@example.org",
        ["a@example.org"],
        smtp_receiver.security,  # type: ignore[arg-type]
        5,
        ssl_context=smtp_receiver.client_ssl_context(),
    )
    notifier.deliver(make_digest())
    smtp_receiver.wait_for_messages(1)
    assert smtp_receiver.envelopes[0]["tls"] is True
    assert smtp_receiver.logins == ["u"]


def test_email_tls_certificate_is_verified() -> None:
    with SMTPReceiver(security="ssl") as smtp:
        notifier = EmailNotifier(
            smtp.host, smtp.port, None, None, "tw@example.org", ["a@example.org"], "ssl", 5
        )  # default CA store
        with pytest.raises(DeliveryError, match="CERTIFICATE_VERIFY_FAILED|certificate"):
            notifier.deliver(make_digest())
        assert smtp.messages == []


def test_starttls_never_falls_back_to_plain_text(smtp_receiver: SMTPReceiver) -> None:
    notifier = EmailNotifier(
        smtp_receiver.host,
        smtp_receiver.port,
        None,
        None,
        "tw@example.org",
        ["a@example.org"],
        "starttls",
        5,
    )
    with pytest.raises(DeliveryError, match="STARTTLS") as info:
        notifier.deliver(make_digest())
    assert info.value.retryable is False and info.value.channel == "email"
    assert smtp_receiver.messages == []


def test_email_wrong_password_is_not_retryable() -> None:
    with SMTPReceiver(users={"alerts": "right"}) as smtp:
        notifier = EmailNotifier.from_env(
            smtp.env(TROOPWATCH_SMTP_PASSWORD="wrong", TROOPWATCH_SMTP_SECURITY="none")
        )
        assert notifier is not None
        with pytest.raises(DeliveryError, match="login") as info:
            notifier.deliver(make_digest())
        assert info.value.retryable is False
        assert "wrong" not in str(info.value)


def test_email_server_requiring_auth_refuses_anonymous() -> None:
    with SMTPReceiver(users={"alerts": "pw"}) as smtp:
        notifier = EmailNotifier(
            smtp.host, smtp.port, None, None, "tw@example.org", ["a@example.org"], "none", 5
        )
        with pytest.raises(DeliveryError, match="530"):
            notifier.deliver(make_digest())
        assert smtp.messages == []


def test_smtp_down_raises_then_recovers(smtp_receiver: SMTPReceiver) -> None:
    notifier = EmailNotifier(
        smtp_receiver.host,
        smtp_receiver.port,
        None,
        None,
        "tw@example.org",
        ["a@example.org"],
        "none",
        2,
    )
    smtp_receiver.stop()
    with pytest.raises(DeliveryError, match="cannot send email") as info:
        notifier.deliver(make_digest())
    assert info.value.retryable is True
    assert isinstance(info.value.__cause__, OSError)
    smtp_receiver.start()  # outage over: the caller's retry goes through
    notifier.deliver(make_digest())
    assert len(smtp_receiver.wait_for_messages(1)) == 1


def test_empty_digest_sends_nothing(
    smtp_receiver: SMTPReceiver, slack_receiver: SlackReceiver
) -> None:
    empty = Digest([], {}, NOW)
    EmailNotifier(
        smtp_receiver.host,
        smtp_receiver.port,
        None,
        None,
        "tw@example.org",
        ["a@example.org"],
        "none",
        5,
    ).deliver(empty)
    SlackNotifier(slack_receiver.url).deliver(empty)
    assert smtp_receiver.messages == [] and slack_receiver.requests == []


def test_smtp_receiver_is_a_real_smtp_server(smtp_receiver: SMTPReceiver) -> None:
    with smtplib.SMTP(smtp_receiver.host, smtp_receiver.port, timeout=5) as client:
        client.sendmail("a@example.org", ["b@example.org"], b"Subject: hi\r\n\r\nbody\r\n")
    (msg,) = smtp_receiver.wait_for_messages(1)
    assert msg["Subject"] == "hi" and msg.get_content().strip() == "body"


# ---------------------------------------------------------------------------
# Slack delivery
# ---------------------------------------------------------------------------


def test_slack_delivery(slack_receiver: SlackReceiver) -> None:
    notifier = SlackNotifier.from_env(slack_receiver.env())
    assert notifier is not None
    digest = make_digest()
    notifier.deliver(digest)
    assert slack_receiver.payloads == [render_slack(digest)]
    request = slack_receiver.requests[0]
    assert request["status"] == 200 and request["body"] == "ok"
    assert request["headers"]["Content-Type"].startswith("application/json")


def test_slack_hostile_digest_is_accepted(slack_receiver: SlackReceiver) -> None:
    SlackNotifier(slack_receiver.url).deliver(hostile_digest())
    assert len(slack_receiver.payloads) == 1


def test_slack_big_digest_goes_in_parts(slack_receiver: SlackReceiver) -> None:
    claims = [
        make_claim(figure_low=i + 1, claim_id=str(i))
        for i in range(2 * CLAIMS_PER_SLACK_MESSAGE + 1)
    ]
    SlackNotifier(slack_receiver.url).deliver(make_digest(*claims))
    assert len(slack_receiver.payloads) == 3
    assert all(r["status"] == 200 for r in slack_receiver.requests)


def test_slack_500_raises_retryable(slack_receiver: SlackReceiver) -> None:
    slack_receiver.fail_next(1)
    notifier = SlackNotifier(slack_receiver.url, timeout=5)
    with pytest.raises(DeliveryError, match="500") as info:
        notifier.deliver(make_digest())
    assert info.value.retryable is True and info.value.status == 500
    assert info.value.body == "internal_error"
    assert len(slack_receiver.requests) == 1  # no hidden retries inside the notifier
    notifier.deliver(make_digest())
    assert len(slack_receiver.payloads) == 1


def test_slack_429_reports_retry_after(slack_receiver: SlackReceiver) -> None:
    slack_receiver.rate_limit_next(1, retry_after=7)
    with pytest.raises(DeliveryError) as info:
        SlackNotifier(slack_receiver.url).deliver(make_digest())
    assert info.value.status == 429 and info.value.retry_after == 7.0
    assert slack_receiver.payloads == []


def test_slack_unreachable(slack_receiver: SlackReceiver) -> None:
    notifier = SlackNotifier(slack_receiver.url, timeout=2)
    slack_receiver.stop()
    with pytest.raises(DeliveryError, match="cannot reach") as info:
        notifier.deliver(make_digest())
    assert info.value.retryable is True
    assert "XXXXXXXX" not in str(info.value)  # the webhook token stays secret


def test_slack_wrong_webhook_is_no_service(slack_receiver: SlackReceiver) -> None:
    notifier = SlackNotifier(slack_receiver.url.replace("/B00000000/", "/B99999999/"))
    with pytest.raises(DeliveryError, match="no_service") as info:
        notifier.deliver(make_digest())
    assert info.value.status == 404 and info.value.retryable is False


def _block_payload(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"text": "fallback", "blocks": list(blocks)}


SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        ({"username": "troopwatch"}, "no_text"),
        ({"text": "   "}, "no_text"),
        ({"text": 42}, "invalid_payload"),
        ({"text": "x", "blocks": "nope"}, "invalid_blocks"),
        (_block_payload({"type": "banner"}), "invalid_blocks"),
        (
            _block_payload({"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}),
            "invalid_blocks",
        ),
        (
            _block_payload({"type": "header", "text": {"type": "mrkdwn", "text": "h"}}),
            "invalid_blocks",
        ),
        (
            _block_payload({"type": "section", "text": {"type": "mrkdwn", "text": "s" * 3001}}),
            "invalid_blocks",
        ),
        (
            _block_payload({"type": "section", "text": {"type": "markdown", "text": "s"}}),
            "invalid_blocks",
        ),
        (
            _block_payload({"type": "section", "text": {"type": "mrkdwn", "text": ""}}),
            "invalid_blocks",
        ),
        (_block_payload({"type": "section"}), "invalid_blocks"),
        (
            _block_payload({"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11}),
            "invalid_blocks",
        ),
        (_block_payload({"type": "context", "elements": []}), "invalid_blocks"),
        (_block_payload({"type": "divider", "text": "x"}), "invalid_blocks"),
        (_block_payload(*[SECTION] * 51), "invalid_blocks"),
    ],
)
def test_receiver_rejects_invalid_payloads(
    slack_receiver: SlackReceiver, payload: Any, error: str
) -> None:
    with pytest.raises(DeliveryError) as info:
        SlackNotifier(slack_receiver.url).send(payload)
    assert info.value.status == 400 and info.value.body == error
    assert info.value.retryable is False
    assert slack_receiver.payloads == []


def test_receiver_accepts_minimal_payloads(slack_receiver: SlackReceiver) -> None:
    notifier = SlackNotifier(slack_receiver.url)
    notifier.send({"text": "hello"})
    notifier.send(_block_payload(*[SECTION] * 50))
    assert len(slack_receiver.payloads) == 2


def _raw_request(url: str, method: str, body: bytes | None, ctype: str | None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, method=method)
    if ctype:
        request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_receiver_checks_http_level(slack_receiver: SlackReceiver) -> None:
    url = slack_receiver.url
    good = json.dumps({"text": "hi"}).encode()
    assert _raw_request(url, "GET", None, None) == (405, "invalid_method")
    assert _raw_request(url + "/extra", "POST", good, "application/json") == (404, "no_service")
    assert _raw_request(url, "POST", good, "text/plain") == (400, "invalid_payload")
    assert _raw_request(url, "POST", b"{not json", "application/json") == (400, "invalid_payload")
    assert _raw_request(url, "POST", b"[1, 2]", "application/json") == (400, "invalid_payload")
    assert _raw_request(url, "POST", good, "application/json; charset=utf-8") == (200, "ok")
    assert slack_receiver.payloads == [{"text": "hi"}]


# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------


def test_email_from_env_full() -> None:
    notifier = EmailNotifier.from_env(
        {
            "TROOPWATCH_SMTP_HOST": "smtp.example.org",
            "TROOPWATCH_SMTP_PORT": "2525",
            "TROOPWATCH_SMTP_USER": "alerts@example.org",
            "TROOPWATCH_SMTP_PASSWORD": "hunter2-secret",
            "TROOPWATCH_SMTP_FROM": "Troopwatch <tw@example.org>",
            "TROOPWATCH_SMTP_TO": " a@example.org ,b@example.org",
            "TROOPWATCH_SMTP_SECURITY": "SSL",
        }
    )
    assert notifier is not None
    assert (notifier.host, notifier.port, notifier.security) == ("smtp.example.org", 2525, "ssl")
    assert notifier.user == "alerts@example.org" and notifier.password == "hunter2-secret"
    assert notifier.sender == "Troopwatch <tw@example.org>"
    assert notifier.recipients == ["a@example.org", "b@example.org"]
    assert "hunter2" not in repr(notifier)


@pytest.mark.parametrize(
    ("security", "port", "expected_security", "expected_port"),
    [
        ("starttls", None, "starttls", 587),
        ("ssl", None, "ssl", 465),
        ("none", None, "none", 25),
        (None, None, "starttls", 587),
        (None, "465", "ssl", 465),
        (None, "25", "starttls", 25),
    ],
)
def test_email_from_env_defaults(
    security: str | None, port: str | None, expected_security: str, expected_port: int
) -> None:
    env = {"TROOPWATCH_SMTP_HOST": "mx", "TROOPWATCH_SMTP_TO": "a@example.org"}
    if security:
        env["TROOPWATCH_SMTP_SECURITY"] = security
    if port:
        env["TROOPWATCH_SMTP_PORT"] = port
    notifier = EmailNotifier.from_env(env)
    assert notifier is not None
    assert (notifier.security, notifier.port) == (expected_security, expected_port)
    assert notifier.user is None and notifier.sender == "troopwatch@localhost"


@pytest.mark.parametrize(
    "env",
    [
        {"TROOPWATCH_SMTP_HOST": "mx"},  # no recipients
        {"TROOPWATCH_SMTP_HOST": "mx", "TROOPWATCH_SMTP_TO": " , "},
        {"TROOPWATCH_SMTP_HOST": "mx", "TROOPWATCH_SMTP_TO": "a@x", "TROOPWATCH_SMTP_PORT": "x"},
        {"TROOPWATCH_SMTP_HOST": "mx", "TROOPWATCH_SMTP_TO": "a@x", "TROOPWATCH_SMTP_PORT": "0"},
        {
            "TROOPWATCH_SMTP_HOST": "mx",
            "TROOPWATCH_SMTP_TO": "a@x",
            "TROOPWATCH_SMTP_SECURITY": "tls",
        },
        {"TROOPWATCH_SLACK_WEBHOOK_URL": "hooks.slack.com/services/x"},
    ],
)
def test_bad_config_is_reported(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        notifiers_from_env(env)


def test_notifiers_from_env() -> None:
    assert notifiers_from_env({}) == {}
    assert (
        notifiers_from_env({"TROOPWATCH_SMTP_HOST": "", "TROOPWATCH_SLACK_WEBHOOK_URL": " "}) == {}
    )
    url = "https://hooks.slack.com/services/T1/B1/secrettoken"
    found = notifiers_from_env(
        {
            "TROOPWATCH_SMTP_HOST": "mx",
            "TROOPWATCH_SMTP_TO": "a@x",
            "TROOPWATCH_SLACK_WEBHOOK_URL": url,
        }
    )
    assert set(found) == {"email", "slack"}
    assert found["email"].channel == "email" and found["slack"].channel == "slack"
    assert all(isinstance(n, Notifier) for n in found.values())
    assert "secrettoken" not in repr(found["slack"])
    only_slack = notifiers_from_env({"TROOPWATCH_SLACK_WEBHOOK_URL": url})
    assert list(only_slack) == ["slack"] and isinstance(only_slack["slack"], SlackNotifier)


def test_from_env_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TROOPWATCH_SMTP_HOST", "TROOPWATCH_SMTP_TO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TROOPWATCH_SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/a/b/c")
    assert list(notifiers_from_env()) == ["slack"]


def test_sample_digest_delivers(smtp_receiver: SMTPReceiver, slack_receiver: SlackReceiver) -> None:
    digest = sample_digest(NOW)
    env = {**smtp_receiver.env(), **slack_receiver.env()}
    for notifier in notifiers_from_env(env).values():
        notifier.deliver(digest)
    assert "[TEST]" in smtp_receiver.wait_for_messages(1)[0].get_body(("plain",)).get_content()
    assert len(slack_receiver.wait_for_payloads(1)) == 1


# -- faults at each SMTP stage, and what counts as delivered --------------------------


class Tracker:
    def __init__(self) -> None:
        self.reports: list[tuple[list[str], dict]] = []

    def may_send(self) -> bool:
        return True

    def sent(self, claim_ids: list[str], refused: dict) -> None:
        self.reports.append((claim_ids, refused))


@pytest.mark.parametrize(
    ("stage", "reply", "retryable"),
    [
        ("connect", "421 4.3.2 Too busy", True),
        ("connect", "554 5.7.1 No service", False),
        ("MAIL", "451 4.3.0 Try later", True),
        ("MAIL", "553 5.7.1 Sender refused", False),
        ("RCPT", "450 4.2.1 Mailbox busy", True),
        ("RCPT", "550 5.1.1 No such user", False),
        ("DATA", "452 4.3.1 Out of space", True),
        ("DATA", "554 5.6.0 Rejected", False),
    ],
)
def test_smtp_refusal_before_acceptance_at_each_stage(
    smtp_receiver: SMTPReceiver, stage: str, reply: str, retryable: bool
) -> None:
    notifier = EmailNotifier.from_env(smtp_receiver.env(TROOPWATCH_SMTP_SECURITY="none"))
    smtp_receiver.fail_next(stage, reply)
    tracker = Tracker()
    with pytest.raises(DeliveryError) as info:
        notifier.deliver(sample_digest(NOW), tracker)
    assert info.value.retryable is retryable
    assert reply.split()[0] in str(info.value)
    assert tracker.reports == [] and smtp_receiver.messages == []


def test_smtp_421_to_quit_after_acceptance_is_delivered(smtp_receiver: SMTPReceiver) -> None:
    notifier = EmailNotifier.from_env(smtp_receiver.env(TROOPWATCH_SMTP_SECURITY="none"))
    smtp_receiver.fail_next("QUIT", "421 4.3.2 Shutting down")
    tracker = Tracker()
    notifier.deliver(sample_digest(NOW), tracker)  # no DeliveryError: it was accepted
    assert tracker.reports == [(["test"], {})]
    assert len(smtp_receiver.messages) == 1


def test_smtp_reports_each_refused_recipient(smtp_receiver: SMTPReceiver) -> None:
    env = smtp_receiver.env(
        TROOPWATCH_SMTP_SECURITY="none", TROOPWATCH_SMTP_TO="a@example.org,b@example.org"
    )
    notifier = EmailNotifier.from_env(env)
    smtp_receiver.refuse("b@example.org", "450 4.2.1 Mailbox busy")
    tracker = Tracker()
    notifier.deliver(sample_digest(NOW), tracker)
    assert tracker.reports == [(["test"], {"b@example.org": (450, "4.2.1 Mailbox busy")})]
    assert smtp_receiver.envelopes[0]["rcpt_tos"] == ["a@example.org"]
    # A retry for the refused recipient only.
    notifier.deliver(sample_digest(NOW), Tracker(), recipients=["b@example.org"])
    assert smtp_receiver.envelopes[1]["rcpt_tos"] == ["b@example.org"]


def test_slack_parts_are_reported_one_by_one(slack_receiver: SlackReceiver) -> None:
    claims = [make_claim(claim_id=f"c{i}", figure_low=20000 + i) for i in range(15)]
    digest = Digest(claims=claims, timelines=make_timeline(), generated_at=NOW)
    slack_receiver.fail_next(1, status=500, after=1)
    tracker = Tracker()
    with pytest.raises(DeliveryError) as info:
        SlackNotifier(slack_receiver.url).deliver(digest, tracker)
    first = [f"c{i}" for i in range(CLAIMS_PER_SLACK_MESSAGE)]
    assert tracker.reports == [(first, {})]
    assert info.value.claim_ids == [f"c{i}" for i in range(CLAIMS_PER_SLACK_MESSAGE, 15)]
    assert "part 2/2" in str(info.value) and info.value.retryable


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("0001-01-01T00:00:00+14:00", "0001-01-01"),  # year 0 in UTC: out of range
        ("9999-12-31T23:30:00-14:00", "9999-12-31 23:30 UTC-14:00"),  # year 10000 in UTC
        ("0999-05-06T07:08:00Z", "0999-05-06 07:08 UTC"),  # strftime would write "999"
        (10**20, "date unknown"),  # epoch millis beyond any date
        ("not a date", "date unknown"),
    ],
)
def test_every_date_renders(published: Any, shown: str) -> None:
    from schedules.digest import format_date, render_problem
    from troopwatch.dates import parse_datetime

    claim = make_claim(published_at=parse_datetime(published))
    assert format_date(claim.published_at) == shown
    timeline = [TimelineEntry(3000, None, "exact", "NIS", parse_datetime(published))]
    assert render_problem(claim, timeline) is None
    digest = Digest(claims=[claim], timelines={"deployed": timeline}, generated_at=NOW)
    assert shown in render_email(digest)[1]
    assert shown in json.dumps(render_slack(digest), ensure_ascii=False)


def test_figures_that_are_not_numbers_render() -> None:
    assert format_figure("12000", None, "exact") == "12000"  # type: ignore[arg-type]
    assert format_figure(float("nan"), None, "approx") == "about nan"
    claim = make_claim(figure_low="many", figure_high=[1, 2], qualifier=None)
    digest = Digest(claims=[claim], generated_at=NOW)
    assert "many" in render_email(digest)[1]


def test_email_goes_without_a_picture_that_cannot_be_drawn(smtp_receiver: SMTPReceiver) -> None:
    """A date the chart cannot place (year 9999 in UTC-14): no picture, still the email,
    with the figures as text; a drawable digest gets its picture inline by Content-ID."""
    from troopwatch.dates import parse_datetime

    notifier = EmailNotifier.from_env(smtp_receiver.env(TROOPWATCH_SMTP_SECURITY="none"))
    assert notifier is not None
    odd = parse_datetime("9999-12-31T23:30:00-14:00")
    digest = Digest(
        claims=[make_claim(published_at=odd)],
        timelines={"deployed": [TimelineEntry(3000, None, "exact", "NIS", odd)]},
        generated_at=NOW,
    )
    notifier.deliver(digest)
    notifier.deliver(make_digest())
    plain_only, pictured = smtp_receiver.wait_for_messages(2)
    assert "about 12,000 troops" in plain_only.get_body(("plain",)).get_content()
    assert "cid:" not in plain_only.get_body(("html",)).get_content()
    assert not [p for p in plain_only.walk() if p.get_content_maintype() == "image"]
    [image] = [p for p in pictured.walk() if p.get_content_type() == "image/png"]
    cid = image["Content-ID"].strip("<>")
    assert f'src="cid:{cid}"' in pictured.get_body(("html",)).get_content()
    assert image.get_content().startswith(b"\x89PNG")
