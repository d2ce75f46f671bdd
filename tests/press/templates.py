"""HTML page templates of the fixture press, one per kind of site.

Every boilerplate block carries a marker word from ``BOILERPLATE_MARKERS`` so tests can check
that no navigation, ad, cookie banner, related-links list, newsletter box, share bar, comment or
footer text leaks into the extracted article text. Article metadata is expressed in a different
way by each template (Open Graph, ``article:published_time``, JSON-LD, ``<time datetime>``,
microdata, Dublin Core, byline text), as on the real web.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from html import escape

from .model import Article, Site

BOILERPLATE_MARKERS: dict[str, str] = {
    "masthead": "zqxmasthead",
    "nav": "zqxnav",
    "breadcrumb": "zqxcrumb",
    "ad": "zqxadvert",
    "related": "zqxrelated",
    "newsletter": "zqxnewsletter",
    "cookie": "zqxcookie",
    "share": "zqxshare",
    "comments": "zqxcomment",
    "footer": "zqxfooter",
    "sidebar": "zqxsidebar",
}
M = BOILERPLATE_MARKERS
MARKER_PREFIX = "zqx"

TEMPLATES = ("wire", "daily", "blog", "portal", "agency", "kyiv", "magazine", "broadcaster")

UI: dict[str, dict[str, str]] = {
    "en": dict(
        home="Home",
        world="World",
        politics="Politics",
        business="Business",
        sport="Sport",
        opinion="Opinion",
        cookie="We use cookies to personalise content and ads and to analyse "
        "our traffic. You can change your choice at any time in Privacy settings.",
        accept="Accept all",
        reject="Reject",
        ad="Advertisement",
        newsletter="Get the morning "
        "briefing: the day's top stories in your inbox before breakfast.",
        email="Email address",
        subscribe="Sign up",
        related="More on this story",
        share="Share this article",
        comments="Reader comments",
        footer="All rights reserved. Terms of use. Privacy policy. Contact us. Advertise with us.",
        readmore="Read the full story at",
        reply="Reply",
        trending="Most read",
        by="By",
    ),
    "ko": dict(
        home="홈",
        world="국제",
        politics="정치",
        business="경제",
        sport="스포츠",
        opinion="오피니언",
        cookie="이 사이트는 서비스 개선과 맞춤형 광고를 위해 쿠키를 사용합니다.",
        accept="동의",
        reject="거부",
        ad="광고",
        newsletter="매일 아침 주요 뉴스를 메일로 받아보세요.",
        email="이메일 주소",
        subscribe="구독하기",
        related="관련기사",
        share="기사 공유하기",
        comments="댓글",
        footer="무단전재 및 재배포 금지. 청소년보호정책. 개인정보처리방침. 고충처리인.",
        readmore="기사 원문 보기",
        reply="답글",
        trending="많이 본 뉴스",
        by="기자",
    ),
    "ru": dict(
        home="Главная",
        world="В мире",
        politics="Политика",
        business="Экономика",
        sport="Спорт",
        opinion="Мнения",
        cookie="Мы используем файлы cookie для улучшения работы сайта. "
        "Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
        accept="Принять",
        reject="Отклонить",
        ad="Реклама",
        newsletter="Подпишитесь на утреннюю рассылку главных новостей дня.",
        email="Электронная почта",
        subscribe="Подписаться",
        related="Читайте также",
        share="Поделиться",
        comments="Комментарии",
        footer="Все права защищены. При полном или частичном использовании материалов ссылка "
        "обязательна. Свидетельство о регистрации СМИ.",
        readmore="Читать полностью",
        reply="Ответить",
        trending="Самое читаемое",
        by="Автор",
    ),
    "uk": dict(
        home="Головна",
        world="Світ",
        politics="Політика",
        business="Економіка",
        sport="Спорт",
        opinion="Думки",
        cookie="Ми використовуємо файли cookie, щоб сайт працював краще. "
        "Детальніше — у політиці конфіденційності.",
        accept="Погоджуюсь",
        reject="Відхилити",
        ad="Реклама",
        newsletter="Підпишіться на ранкову розсилку головних новин.",
        email="Електронна пошта",
        subscribe="Підписатися",
        related="Читайте також",
        share="Поділитися",
        comments="Коментарі читачів",
        footer="Усі права захищено. "
        "Використання матеріалів дозволяється за умови посилання на видання.",
        readmore="Читати повністю",
        reply="Відповісти",
        trending="Найпопулярніше",
        by="Автор",
    ),
    "de": dict(
        home="Startseite",
        world="Ausland",
        politics="Politik",
        business="Wirtschaft",
        sport="Sport",
        opinion="Meinung",
        cookie="Wir und unsere Partner verwenden Cookies, um "
        "Inhalte und Werbung zu personalisieren. Details finden Sie in den "
        "Datenschutzeinstellungen.",
        accept="Alle akzeptieren",
        reject="Ablehnen",
        ad="Anzeige",
        newsletter="Der Weltblick-Newsletter: Die wichtigsten Themen des Tages, "
        "jeden Morgen kostenlos.",
        email="E-Mail-Adresse",
        subscribe="Jetzt abonnieren",
        related="Mehr zum Thema",
        share="Artikel teilen",
        comments="Leserkommentare",
        footer="Impressum. Datenschutz. Nutzungsbedingungen. Kontakt. Mediadaten.",
        readmore="Weiterlesen",
        reply="Antworten",
        trending="Meistgelesen",
        by="Von",
    ),
    "fr": dict(
        home="Accueil",
        world="International",
        politics="Politique",
        business="Économie",
        sport="Sport",
        opinion="Débats",
        cookie="Nous utilisons des cookies pour améliorer "
        "votre expérience et mesurer l'audience. Vous pouvez modifier vos choix à tout moment.",
        accept="Tout accepter",
        reject="Continuer sans accepter",
        ad="Publicité",
        newsletter="Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail.",
        email="Adresse e-mail",
        subscribe="Je m'inscris",
        related="Sur le même sujet",
        share="Partager l'article",
        comments="Commentaires",
        footer="Tous droits réservés. "
        "Mentions légales. Charte de confidentialité. Gestion des cookies. Nous contacter.",
        readmore="Lire la suite sur",
        reply="Répondre",
        trending="Les plus lus",
        by="Par",
    ),
    "es": dict(
        home="Portada",
        world="Internacional",
        politics="Política",
        business="Economía",
        sport="Deportes",
        opinion="Opinión",
        cookie="Utilizamos cookies propias y de terceros "
        "para mejorar nuestros servicios y mostrarle publicidad relacionada con sus "
        "preferencias.",
        accept="Aceptar",
        reject="Rechazar",
        ad="Publicidad",
        newsletter="Recibe cada mañana las noticias más importantes en tu correo.",
        email="Correo electrónico",
        subscribe="Suscribirme",
        related="Noticias relacionadas",
        share="Compartir",
        comments="Comentarios",
        footer="Todos los derechos reservados. "
        "Aviso legal. Política de privacidad. Política de cookies. Contacto.",
        readmore="Leer más en",
        reply="Responder",
        trending="Lo más leído",
        by="Por",
    ),
    "ja": dict(
        home="トップ",
        world="国際",
        politics="政治",
        business="経済",
        sport="スポーツ",
        opinion="解説",
        cookie="当サイトではサービス向上のためクッキーを使用しています。",
        accept="同意する",
        reject="拒否する",
        ad="広告",
        newsletter="毎朝のニュースをメールでお届けします。",
        email="メールアドレス",
        subscribe="登録する",
        related="関連ニュース",
        share="この記事をシェア",
        comments="コメント",
        footer="著作権は各社に帰属します。利用規約。個人情報保護方針。お問い合わせ。",
        readmore="続きを読む",
        reply="返信",
        trending="アクセスランキング",
        by="記者",
    ),
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "uk": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
}

COMMENT_POOL: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("harbour_watcher", "Good summary, but the numbers keep changing every week."),
        ("J. Whitfield", "Who actually verifies these figures? Genuine question."),
        ("northsea_pete", "Thanks for the links to the original briefings, very useful."),
        ("mkowalski", "The map in the previous post was clearer than this one."),
        ("Ruth A.", "I'd like to see more on what happens to the prisoners."),
    ],
    "ko": [
        ("평화주의자", "하루빨리 전쟁이 끝나길 바랍니다."),
        ("seoul_reader", "정부는 대책을 제대로 세워야 합니다."),
        ("김모씨", "기사 잘 읽었습니다. 후속 보도 부탁드립니다."),
        ("하늘바다", "숫자가 매번 다르게 나오네요."),
    ],
    "uk": [
        ("Олена К.", "Дякую за оперативну інформацію, чекаємо подробиць."),
        ("kharkiv_lviv", "Слава Україні! Героям слава!"),
        ("Тарас", "Цікаво, чи підтвердять ці дані партнери."),
        ("Marichka", "Гарна стаття, поділилася з друзями."),
    ],
}


@dataclass
class PageContext:
    """What a template needs besides the article itself."""

    base_url: str
    canonical_url: str
    related: list[Article] = field(default_factory=list)
    amp: bool = False
    meta_charset: str | None = "utf-8"  # None: no <meta charset> at all (header-only charset)
    original: Article | None = None  # for "Read more" teasers


def e(text: str) -> str:
    return escape(text, quote=True)


def _h(key: str) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16)


def display_date(art: Article) -> str:
    d = art.published
    lang = art.lang
    if lang == "en":
        return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year} {d:%H:%M}"
    if lang == "ko":
        return f"입력 {d:%Y.%m.%d %H:%M}"
    if lang == "ru":
        return f"{d:%d.%m.%Y, %H:%M}"
    if lang == "uk":
        return f"{d.day} {MONTHS['uk'][d.month - 1]} {d.year}, {d:%H:%M}"
    if lang == "de":
        return f"{d:%d.%m.%Y, %H.%M} Uhr"
    if lang == "fr":
        return f"Publié le {d.day} {MONTHS['fr'][d.month - 1]} {d.year} à {d:%Hh%M}"
    if lang == "es":
        return f"{d.day} {MONTHS['es'][d.month - 1]} {d.year} - {d:%H:%M}"
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日 {d.hour}時{d.minute:02d}分"
    return d.isoformat()


def ui(art: Article) -> dict[str, str]:
    return UI.get(art.lang, UI["en"])


def charset_meta(ctx: PageContext) -> str:
    if ctx.meta_charset is None:
        return ""
    if ctx.meta_charset.lower() in ("utf-8", "euc-kr"):
        return f'<meta charset="{ctx.meta_charset}">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={ctx.meta_charset}">'


def body_paragraphs(art: Article, inline: str = "", after: int = 2) -> str:
    """The article paragraphs, with an optional inline promo block after paragraph ``after``."""
    out = []
    for i, p in enumerate(art.body):
        out.append(f"<p>{e(p)}</p>")
        if inline and i == after - 1 and len(art.body) > after:
            out.append(inline)
    return "\n".join(out)


def read_more(art: Article, ctx: PageContext) -> str:
    if not (art.truncated and ctx.original):
        return ""
    o = ctx.original
    return (
        f'<p class="read-more"><a href="{e(o.url)}">{e(ui(art)["readmore"])} '
        f"{e(o.site.outlet)}</a></p>"
    )


def json_ld(art: Article, ctx: PageContext, *, graph: bool = False) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "datePublished": art.published.isoformat(),
        "dateModified": art.modified.isoformat(),
        "inLanguage": art.lang,
        "articleSection": art.section,
        "author": [{"@type": "Person", "name": a} for a in art.authors],
        "publisher": {"@type": "Organization", "name": art.site.outlet},
        "mainEntityOfPage": {"@type": "WebPage", "@id": ctx.canonical_url},
        "image": [art.image_url],
    }
    if graph:
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": art.site.native_name, "url": art.site.home_url},
                {k: v for k, v in data.items() if k != "@context"},
            ],
        }
    dumped = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{dumped}</script>'


def og_meta(art: Article, ctx: PageContext) -> str:
    return (
        f'<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{e(art.title)}">'
        f'<meta property="og:description" content="{e(art.summary)}">'
        f'<meta property="og:url" content="{e(ctx.canonical_url)}">'
        f'<meta property="og:image" content="{e(art.image_url)}">'
        f'<meta property="og:site_name" content="{e(art.site.native_name)}">'
        f'<meta property="og:locale" content="{art.lang}">'
    )


def links_head(art: Article, ctx: PageContext) -> str:
    out = f'<link rel="canonical" href="{e(ctx.canonical_url)}">'
    if art.amp_url and not ctx.amp:
        out += f'<link rel="amphtml" href="{e(art.amp_url)}">'
    out += (
        f'<link rel="alternate" type="application/rss+xml" title="RSS" '
        f'href="{e(art.site.feed_url)}">'
    )
    return out


def cookie_banner(art: Article, cls: str = "cookie-banner") -> str:
    t = ui(art)
    return (
        f'<div id="cookie-consent" class="{cls}" role="dialog"><p>{e(t["cookie"])} '
        f"{M['cookie']}</p><button>{e(t['accept'])}</button><button>{e(t['reject'])}</button>"
        "</div>"
    )


def nav(art: Article, cls: str = "main-nav") -> str:
    t = ui(art)
    base = art.site.home_url
    items = "".join(
        f'<li><a href="{base}{k}/">{e(t[k])}</a></li>'
        for k in ("world", "politics", "business", "sport", "opinion")
    )
    return (
        f'<nav class="{cls}" aria-label="main"><ul><li><a href="{base}">{e(t["home"])}</a></li>'
        f'{items}<li class="nav-more">{M["nav"]}</li></ul></nav>'
    )


def breadcrumbs(art: Article) -> str:
    t = ui(art)
    return (
        f'<nav class="breadcrumb" aria-label="breadcrumb"><ol>'
        f'<li><a href="{art.site.home_url}">{e(t["home"])}</a></li>'
        f'<li><a href="{art.site.home_url}">{e(art.section)}</a></li>'
        f'<li class="crumb-end">{M["breadcrumb"]}</li></ol></nav>'
    )


def ad_block(art: Article, slot: str) -> str:
    return (
        f'<div class="ad ad-slot ad-{slot}" data-ad-unit="{slot}">'
        f'<span class="ad-label">{e(ui(art)["ad"])} {M["ad"]}</span></div>'
    )


def newsletter_box(art: Article) -> str:
    t = ui(art)
    return (
        f'<aside class="newsletter-signup newsletter"><p>{e(t["newsletter"])} {M["newsletter"]}'
        f'</p><form><input type="email" placeholder="{e(t["email"])}">'
        f"<button>{e(t['subscribe'])}</button></form></aside>"
    )


def share_bar(art: Article) -> str:
    return (
        f'<div class="share-buttons social-share"><span>{e(ui(art)["share"])}</span>'
        f'<a href="#" class="share-facebook">Facebook</a><a href="#" class="share-x">X</a>'
        f'<a href="#" class="share-telegram">Telegram</a><a href="#">{M["share"]}</a></div>'
    )


def related_list(art: Article, ctx: PageContext, cls: str = "related-articles") -> str:
    if not ctx.related:
        return ""
    items = "".join(
        f'<li><a href="{e(r.url)}">{e(r.title)}</a> <span class="tag">{M["related"]}</span></li>'
        for r in ctx.related
    )
    return (
        f'<section class="{cls} related"><h2>{e(ui(art)["related"])} {M["related"]}</h2>'
        f"<ul>{items}</ul></section>"
    )


def sidebar(art: Article, ctx: PageContext) -> str:
    t = ui(art)
    items = "".join(
        f'<li><a href="{e(r.url)}">{e(r.title)}</a></li>' for r in reversed(ctx.related)
    )
    return (
        f'<aside class="sidebar" id="sidebar"><h3>{e(t["trending"])} {M["sidebar"]}</h3>'
        f"<ol>{items}</ol>{ad_block(art, 'sidebar')}</aside>"
    )


def comments(art: Article, cls: str = "comments") -> str:
    pool = COMMENT_POOL.get(art.lang, COMMENT_POOL["en"])
    start = _h(art.slug) % len(pool)
    n = 2 + _h(art.slug + "n") % 3
    chosen = [pool[(start + i) % len(pool)] for i in range(n)]
    t = ui(art)
    lis = "".join(
        f'<li class="comment"><div class="comment-author">{e(who)}</div>'
        f'<div class="comment-body"><p>{e(text)} {M["comments"]}</p></div>'
        f'<a class="comment-reply" href="#">{e(t["reply"])}</a></li>'
        for who, text in chosen
    )
    return (
        f'<section id="comments" class="{cls}"><h3>{e(t["comments"])} ({n})</h3>'
        f'<ol class="commentlist">{lis}</ol></section>'
    )


def footer(art: Article, cls: str = "site-footer") -> str:
    t = ui(art)
    return (
        f'<footer class="{cls}" id="footer"><p>© 2024–2026 {e(art.site.native_name)}. '
        f'{e(t["footer"])} {M["footer"]}</p><ul class="footer-links"><li><a href="#">About</a>'
        f'</li><li><a href="{e(art.site.feed_url)}">RSS</a></li></ul></footer>'
    )


def doc(art: Article, ctx: PageContext, head: str, body: str, body_cls: str = "") -> str:
    amp_attr = " amp" if ctx.amp else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{art.lang}"{amp_attr}>\n<head>\n{charset_meta(ctx)}\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(art.title)} | {e(art.site.native_name)}</title>\n"
        f'<meta name="description" content="{e(art.summary)}">\n{head}\n'
        f"{links_head(art, ctx)}\n</head>\n"
        f'<body class="{body_cls}">\n{body}\n</body>\n</html>\n'
    )


# --- templates ------------------------------------------------------------------------------


def t_wire(art: Article, ctx: PageContext) -> str:
    """Wire service: OG + article:published_time + JSON-LD, byline text, <time>."""
    head = (
        og_meta(art, ctx)
        + f'<meta property="article:published_time" content="{art.published.isoformat()}">'
        f'<meta property="article:modified_time" content="{art.modified.isoformat()}">'
        f'<meta property="article:section" content="{e(art.section)}">'
        + "".join(f'<meta property="article:author" content="{e(a)}">' for a in art.authors)
        + json_ld(art, ctx)
    )
    body = (
        cookie_banner(art)
        + f'<header class="site-header"><div class="masthead"><a href="{art.site.home_url}" '
        f'class="logo">Meridian Wire</a> <span class="tagline">Independent news agency '
        f"{M['masthead']}</span></div>{nav(art)}</header>"
        + ad_block(art, "leaderboard")
        + '<main id="main-content"><div class="container">'
        + breadcrumbs(art)
        + f'<article class="story"><header><h1 class="story-headline">{e(art.title)}</h1>'
        f'<p class="byline">{e(ui(art)["by"])} '
        + " and ".join(f'<a rel="author" href="#">{e(a)}</a>' for a in art.authors)
        + f' · <time datetime="{art.published.isoformat()}">{display_date(art)} UTC</time></p>'
        f"</header>{share_bar(art)}"
        f'<div class="article-body story-body">'
        f"{body_paragraphs(art, newsletter_box(art), after=3)}{read_more(art, ctx)}</div>"
        "</article>" + related_list(art, ctx) + "</div></main>" + footer(art)
    )
    return doc(art, ctx, head, body, "wire")


def t_daily(art: Article, ctx: PageContext) -> str:
    """Daily newspaper (coastal-herald, le-veilleur, el-mirador): microdata + OG."""
    t = ui(art)
    head = (
        og_meta(art, ctx)
        + "".join(f'<meta name="author" content="{e(a)}">' for a in art.authors)
        + f'<meta name="publish-date" content="{art.published.date().isoformat()}">'
    )
    authors = ", ".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{e(a)}</span></span>'
        for a in art.authors
    )
    body = (
        f'<div class="topbar">{e(art.site.native_name)} {M["masthead"]}</div>'
        + f'<header class="header"><a class="brand" href="{art.site.home_url}">'
        f"{e(art.site.native_name)}</a>{nav(art, 'menu')}</header>"
        + ad_block(art, "top")
        + '<div class="page"><div class="content">'
        + breadcrumbs(art)
        + '<article itemscope itemtype="https://schema.org/NewsArticle" class="article">'
        f'<h1 itemprop="headline">{e(art.title)}</h1>'
        f'<div class="article-meta">{e(t["by"])} {authors} — '
        f'<time itemprop="datePublished" datetime="{art.published.isoformat()}">'
        f"{display_date(art)}</time>"
        f'<meta itemprop="dateModified" content="{art.modified.isoformat()}"></div>'
        + share_bar(art)
        + f'<div class="article-body" itemprop="articleBody">'
        f"{body_paragraphs(art, ad_block(art, 'inread'), after=2)}{read_more(art, ctx)}</div>"
        + "</article>"
        + newsletter_box(art)
        + related_list(art, ctx, "related-news")
        + "</div>"
        + sidebar(art, ctx)
        + "</div>"
        + cookie_banner(art, "cookie-notice cookie-banner")
        + footer(art, "footer")
    )
    return doc(art, ctx, head, body, "daily")


def t_blog(art: Article, ctx: PageContext) -> str:
    """Personal blog: Dublin Core meta, h-entry microformats, reader comments."""
    head = (
        f'<meta name="DC.title" content="{e(art.title)}">'
        f'<meta name="DC.date.issued" content="{art.published.isoformat()}">'
        f'<meta name="DC.creator" content="{e(", ".join(art.authors))}">'
        f'<meta name="DC.language" content="{art.lang}">'
        f'<link rel="alternate" type="application/atom+xml" href="{e(art.site.atom_url or "")}">'
        f'<link rel="alternate" type="application/feed+json" '
        f'href="{e(art.site.json_feed_url or "")}">'
    )
    body = (
        f'<header id="masthead" class="site-header"><p class="site-title">'
        f'<a href="{art.site.home_url}">Frontline Notes</a></p><p class="site-description">'
        f"Open-source notes on the war in Ukraine {M['masthead']}</p>{nav(art, 'menu')}</header>"
        + '<div id="content" class="site-content"><main id="primary">'
        + '<article class="post h-entry hentry">'
        f'<header class="entry-header"><h1 class="entry-title p-name">{e(art.title)}</h1>'
        f'<div class="entry-meta">Posted on <time class="dt-published published" '
        f'datetime="{art.published.isoformat()}">{display_date(art)}</time> by '
        f'<span class="p-author author vcard">{e(", ".join(art.authors))}</span></div></header>'
        f'<div class="entry-content e-content">{body_paragraphs(art)}{read_more(art, ctx)}</div>'
        f'<footer class="entry-footer">{share_bar(art)}</footer></article>'
        + related_list(art, ctx, "jp-relatedposts")
        + comments(art)
        + "</main>"
        + sidebar(art, ctx)
        + "</div>"
        + footer(art, "site-footer")
        + cookie_banner(art, "cookie-law-info-bar")
    )
    return doc(art, ctx, head, body, "single-post")


def t_portal(art: Article, ctx: PageContext) -> str:
    """Korean news portal: OG + article:published_time, '입력' date text, 기자 byline."""
    t = ui(art)
    reporter = " ".join(f"{a} {t['by']}" if art.lang == "ko" else a for a in art.authors)
    head = (
        og_meta(art, ctx)
        + f'<meta property="article:published_time" content="{art.published.isoformat()}">'
        f'<meta name="author" content="{e(", ".join(art.authors))}">'
        f'<meta name="news_keywords" content="{e(art.section)}">'
    )
    body = (
        f'<div id="user-container"><header id="user-header" class="header">'
        f'<div class="logo"><a href="{art.site.home_url}">{e(art.site.native_name)}</a> '
        f"{M['masthead']}</div>{nav(art, 'gnb')}</header>"
        + ad_block(art, "top-banner")
        + '<div id="user-wrap"><section id="section">'
        + breadcrumbs(art)
        + f'<header class="article-view-header"><h3 class="heading">{e(art.title)}</h3>'
        f'<ul class="infomation"><li>{e(reporter)}</li><li>{display_date(art)}</li></ul>'
        f"</header>"
        + share_bar(art)
        + '<article id="article-view-content-div" class="article-veiw-body" itemprop="articleBody">'
        f"{body_paragraphs(art, ad_block(art, 'article-middle'), after=2)}"
        f"{read_more(art, ctx)}</article>"
        + f'<p class="copyright">© {e(art.site.native_name)} {M["footer"]}</p>'
        + related_list(art, ctx, "auto-article")
        + comments(art, "comments article-comment")
        + "</section>"
        + sidebar(art, ctx)
        + "</div>"
        + footer(art, "user-footer")
        + cookie_banner(art)
        + "</div>"
    )
    return doc(art, ctx, head, body, "portal")


def t_agency(art: Article, ctx: PageContext) -> str:
    """Russian news agency: JSON-LD @graph only, date as text."""
    head = json_ld(art, ctx, graph=True) + '<meta name="robots" content="max-image-preview:large">'
    body = (
        f'<div class="layout"><header class="header"><a class="header__logo" '
        f'href="{art.site.home_url}">{e(art.site.native_name)}</a> '
        f'<span class="header__slogan">Информационное агентство {M["masthead"]}</span>'
        f"{nav(art, 'header__menu')}</header>"
        + ad_block(art, "billboard")
        + '<div class="layout__content"><div class="article">'
        + breadcrumbs(art)
        + f'<div class="article__info"><div class="article__info-date">{display_date(art)}'
        f"</div></div>"
        f'<h1 class="article__title">{e(art.title)}</h1>'
        + f'<div class="article__body js-mediator-article">'
        f"{body_paragraphs(art, newsletter_box(art), after=3)}{read_more(art, ctx)}</div>"
        + f'<div class="article__author">{e(ui(art)["by"])}: {e(", ".join(art.authors))}</div>'
        + share_bar(art)
        + "</div>"
        + related_list(art, ctx, "article__related")
        + "</div>"
        + footer(art, "footer")
        + cookie_banner(art, "cookie-warning")
        + "</div>"
    )
    return doc(art, ctx, head, body, "agency")


def t_kyiv(art: Article, ctx: PageContext) -> str:
    """Ukrainian news site: OG + <time datetime>, comments, no JSON-LD."""
    head = og_meta(art, ctx) + (
        f'<meta property="article:published_time" content="{art.published.isoformat()}">'
        f'<meta name="twitter:card" content="summary_large_image">'
    )
    body = (
        cookie_banner(art)
        + f'<header class="page-header"><div class="logo"><a href="{art.site.home_url}">'
        f"{e(art.site.native_name)}</a> {M['masthead']}</div>{nav(art)}</header>"
        + '<main class="page-main"><div class="col-main">'
        + breadcrumbs(art)
        + f'<article class="post"><h1 class="post__title">{e(art.title)}</h1>'
        f'<div class="post__meta"><time class="post__time" datetime="'
        f'{art.published.isoformat()}">{display_date(art)}</time> '
        f'<span class="post__author">{e(", ".join(art.authors))}</span></div>'
        + f'<div class="post__text">'
        f"{body_paragraphs(art, ad_block(art, 'in-article'), after=2)}"
        f"{read_more(art, ctx)}</div>"
        + share_bar(art)
        + "</article>"
        + related_list(art, ctx, "read-also")
        + comments(art)
        + "</div>"
        + sidebar(art, ctx)
        + "</main>"
        + footer(art)
    )
    return doc(art, ctx, head, body, "kyiv")


def t_magazine(art: Article, ctx: PageContext) -> str:
    """German news magazine: JSON-LD + meta name=date, 'Von' byline."""
    head = (
        og_meta(art, ctx) + f'<meta name="date" content="{art.published.isoformat()}">'
        f'<meta name="last-modified" content="{art.modified.isoformat()}">'
        f'<meta name="author" content="{e(", ".join(art.authors))}">' + json_ld(art, ctx)
    )
    body = (
        f'<header class="site-header"><a href="{art.site.home_url}" class="logo">Weltblick</a>'
        f'<span class="claim">Das Nachrichtenmagazin {M["masthead"]}</span>{nav(art)}</header>'
        + ad_block(art, "superbanner")
        + '<main id="Inhalt"><article class="magazine-article">'
        + breadcrumbs(art)
        + f'<header class="article-header"><span class="kicker">{e(art.section)}</span>'
        f'<h1 class="headline">{e(art.title)}</h1>'
        f'<p class="author">{e(ui(art)["by"])} {e(" und ".join(art.authors))}</p>'
        f'<p class="timeformat">{display_date(art)}</p></header>'
        + share_bar(art)
        + f'<section class="article-section">'
        f"{body_paragraphs(art, newsletter_box(art), after=2)}{read_more(art, ctx)}</section>"
        + "</article>"
        + related_list(art, ctx, "more-articles")
        + ad_block(art, "bottom")
        + "</main>"
        + footer(art)
        + cookie_banner(art, "sp-message-container cookie-banner")
    )
    return doc(art, ctx, head, body, "magazine")


def t_broadcaster(art: Article, ctx: PageContext) -> str:
    """Japanese broadcaster: JSON-LD with Japanese date text, meta pubdate."""
    head = (
        og_meta(art, ctx)
        + f'<meta name="pubdate" content="{art.published.isoformat()}">'
        + json_ld(art, ctx)
    )
    body = (
        f'<div id="header"><div class="logo"><a href="{art.site.home_url}">'
        f"{e(art.site.native_name)} NEWS WEB</a> {M['masthead']}</div>{nav(art, 'gnav')}</div>"
        + '<div id="main"><div class="content--detail">'
        + breadcrumbs(art)
        + f'<h1 class="content--title">{e(art.title)}</h1>'
        f'<p class="content--date"><time datetime="{art.published.isoformat()}">'
        f"{display_date(art)}</time></p>"
        + share_bar(art)
        + f'<div class="content--detail-body"><div class="body-text">'
        f"{body_paragraphs(art)}{read_more(art, ctx)}</div></div>"
        + f'<div class="content--editor">{e(", ".join(art.authors))}</div>'
        + related_list(art, ctx, "content--related")
        + "</div>"
        + sidebar(art, ctx)
        + "</div>"
        + footer(art)
        + cookie_banner(art)
    )
    return doc(art, ctx, head, body, "broadcaster")


RENDERERS = {
    "wire": t_wire,
    "daily": t_daily,
    "blog": t_blog,
    "portal": t_portal,
    "agency": t_agency,
    "kyiv": t_kyiv,
    "magazine": t_magazine,
    "broadcaster": t_broadcaster,
}


def render_article(art: Article, ctx: PageContext) -> str:
    return RENDERERS[art.site.template](art, ctx)


def render_body_html(art: Article) -> str:
    """The article body alone (for content:encoded and JSON Feed content_html)."""
    return "".join(f"<p>{e(p)}</p>" for p in art.body)


def render_home(site: Site, arts: list[Article], extra_links: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<li><a href="{e(a.url)}">{e(a.title)}</a> <small>{a.published.date()}</small></li>'
        for a in arts
    )
    extra = "".join(f'<li><a href="{e(u)}">{e(t)}</a></li>' for u, t in extra_links)
    return (
        f'<!DOCTYPE html>\n<html lang="{site.lang}"><head><meta charset="utf-8">'
        f"<title>{e(site.native_name)}</title>"
        f'<link rel="alternate" type="application/rss+xml" href="{e(site.feed_url)}">'
        f'</head><body><h1>{e(site.native_name)}</h1><ul class="latest">{items}</ul>'
        f'<ul class="more">{extra}</ul></body></html>\n'
    )


def render_amp(art: Article, ctx: PageContext) -> str:
    """A minimal AMP page whose canonical points back at the regular article."""
    head = (
        '<script async src="https://cdn.ampproject.org/v0.js"></script>'
        + json_ld(art, ctx)
        + "<style amp-custom>body{font-family:sans-serif}</style>"
    )
    body = (
        f'<header class="amp-header"><a href="{art.site.home_url}">{e(art.site.native_name)}</a>'
        f" {M['masthead']}</header>"
        f'<article><h1>{e(art.title)}</h1><p class="byline">{e(", ".join(art.authors))} · '
        f'<time datetime="{art.published.isoformat()}">{display_date(art)}</time></p>'
        f'<div class="amp-article-body">{body_paragraphs(art)}</div></article>'
        + footer(art, "amp-footer")
    )
    return doc(art, ctx, head, body, "amp")
