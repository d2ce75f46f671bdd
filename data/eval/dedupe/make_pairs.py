"""Build the labelled near-duplicate set ``data/eval/dedupe_pairs.jsonl``.

Deterministic: re-running rewrites ``gen/*.txt`` and the JSONL byte for byte. Run from the
repository root::

    .venv/bin/python data/eval/dedupe/make_pairs.py

Positive pairs come from ``hand/`` (variants edited by hand, see ``hand/notes.json``) and from
``gen/`` (variants this script derives from the base texts: template wrap, edits, truncation,
paragraph reordering, rewrapping, and combinations). Negative pairs are different articles:
the seeds against each other, the articles in ``own/`` (written for this set, same story,
sharing quotes and figures) against the seeds and each other, same-story clusters of real
articles from the article-extraction benchmark in ``base/``, translations, texts sharing a
site template, and unrelated texts.

Paths in the JSONL are relative to ``data/eval/``.
"""

from __future__ import annotations

import json
import random
import textwrap
from itertools import combinations
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent  # data/eval
HERE = EVAL / "dedupe"
SEEDS = EVAL.parent / "seeds"
OUT_JSONL = EVAL / "dedupe_pairs.jsonl"

SEED_IDS = sorted(p.name for p in SEEDS.glob("*.txt"))

# Base texts that get generated variants: (path relative to data/eval, language).
OWN = sorted(p.name for p in (HERE / "own").glob("*.txt"))
AEB_LANG = {
    "aeb_7bb1ca9035.txt": "en",
    "aeb_432362af0b.txt": "en",
    "aeb_156770d676.txt": "en",
    "aeb_1ace8c85aa.txt": "en",
    "aeb_14cc2a0ca5.txt": "en",
    "aeb_d1c57d7821.txt": "en",
    "aeb_c7e39ac49f.txt": "en",
    "aeb_0ec95c7261.txt": "ko",
    "aeb_9da36ae471.txt": "ko",
    "aeb_f105de6e63.txt": "ja",
    "aeb_85439e26c4.txt": "ja",
    "aeb_c82b3d1d54.txt": "ru",
    "aeb_ba07d1e647.txt": "de",
    "aeb_3252222e61.txt": "pt",
}
# Same-story clusters among the benchmark's real articles (different outlets).
AEB_CLUSTERS = {
    "feather-duvet-lung": ["7bb1ca9035", "a078b3656a", "bd673bd798", "9eef8162bb"],
    "bubonic-plague": ["432362af0b", "ba4dfe2d3e", "ea25dd7edf", "8b19453030"],
    "meth-campaign": ["156770d676", "3f65af7b6b", "c13b9c0e04", "776a1c0467"],
    "wework-probe": ["1ace8c85aa", "bc13ff87b2", "06e5123e4e"],
    "doobie-brothers": ["9cb8224b66", "35b158918c", "ac1bfdd4c5"],
    "europa-water": ["14cc2a0ca5", "686bb170ef", "f344ca5fb3"],
    "nasa-landers": ["d1c57d7821", "42aad16bde", "c50845a715"],
    "omar-threat": ["6ebac05f63", "7a457a4f71"],
    "assange-sweden": ["c7e39ac49f", "dc7ccccc1f"],
    "hibernation": ["e1c7023ee2", "b37be3535e"],
    "fort-worth-rescue": ["2c46804d9d", "51d066b060"],
    "taylor-swift": ["70cb2d5bca", "eb62ac8425"],
    "home-depot": ["51374560f4", "f8ff621a0b"],
}
# Different articles from one site sharing its boilerplate.
AEB_SAME_SITE = [
    ("57e2e98887", "dfd43bc0d4"),
    ("5211188428", "8cad00dc22"),
    ("0ec95c7261", "9da36ae471"),
    ("f105de6e63", "85439e26c4"),
    ("c82b3d1d54", "ff0f958ade"),
    ("3252222e61", "23aaecd141"),
]
# The same article in another language is a different article (a translation).
TRANSLATIONS = [
    ("en_01", "ko_01"),
    ("en_01", "ja_01"),
    ("en_01", "es_01"),
    ("ko_01", "ja_01"),
    ("en_02", "de_01"),
    ("en_03", "fr_01"),
    ("en_05", "ru_01"),
    ("ru_02", "uk_01"),
]
SAME_LANG_OWN = [("ko_01", "ko_02"), ("ja_01", "ja_02"), ("ru_01", "ru_02"), ("de_01", "de_02")]
SAME_LANG_OWN += [("fr_01", "fr_02")]

# Hand-made positives: (hand file, original, kind).
HAND_POS = [
    ("template_seed001.txt", "seed:001", "template"),
    ("template_en01.txt", "own:en_01", "template"),
    ("template_ko01.txt", "own:ko_01", "template"),
    ("template_ja01.txt", "own:ja_01", "template"),
    ("template_ru02.txt", "own:ru_02", "template"),
    ("template_seed003.txt", "seed:003", "template"),
    ("edited_seed002.txt", "seed:002", "edited"),
    ("edited_seed004.txt", "seed:004", "edited"),
    ("edited_en02.txt", "own:en_02", "edited"),
    ("edited_en05.txt", "own:en_05", "edited"),
    ("edited_de01.txt", "own:de_01", "edited"),
    ("edited_fr01.txt", "own:fr_01", "edited"),
    ("edited_ko02.txt", "own:ko_02", "edited"),
    ("edited_es01.txt", "own:es_01", "edited"),
    ("edited_ru01.txt", "own:ru_01", "edited"),
    ("edited_en06.txt", "own:en_06", "edited"),
    ("trunc_seed000.txt", "seed:000", "truncated"),
    ("trunc_seed004.txt", "seed:004", "truncated"),
    ("trunc_en03.txt", "own:en_03", "truncated"),
    ("trunc_ko01.txt", "own:ko_01", "truncated"),
    ("trunc_ja02.txt", "own:ja_02", "truncated"),
    ("trunc_de02.txt", "own:de_02", "truncated"),
    ("trunc_seed003.txt", "seed:003", "truncated"),
    ("reorder_seed002.txt", "seed:002", "reordered"),
    ("reorder_en05.txt", "own:en_05", "reordered"),
    ("reorder_fr02.txt", "own:fr_02", "reordered"),
    ("reorder_ru02.txt", "own:ru_02", "reordered"),
    ("reorder_ja01.txt", "own:ja_01", "reordered"),
    ("rewrap_seed004.txt", "seed:004", "rewrapped"),
    ("rewrap_en01.txt", "own:en_01", "rewrapped"),
    ("rewrap_seed001.txt", "seed:001", "rewrapped"),
    ("rewrap_uk01.txt", "own:uk_01", "rewrapped"),
    ("mixed_seed002.txt", "seed:002", "mixed"),
    ("mixed_en02.txt", "own:en_02", "mixed"),
    ("mixed_ko02.txt", "own:ko_02", "mixed"),
    # copies of copies: two syndicated versions of one original are duplicates of each other
    ("template_en01.txt", "hand:rewrap_en01.txt", "mixed"),
    ("edited_seed002.txt", "hand:reorder_seed002.txt", "mixed"),
]
# Hand-made negatives: (a, b, kind).
HAND_NEG = [
    ("hand:sametpl_en05.txt", "hand:template_en01.txt", "same-template"),
    ("own:en_08", "hand:mixed_seed002.txt", "same-story"),  # a live blog quoting seed 002's lead
    ("own:en_07", "hand:edited_seed002.txt", "same-story"),  # a brief half made of a seed quote
    ("own:en_04", "hand:trunc_seed000.txt", "same-story"),
    ("hand:trunc_en03.txt", "seed:002", "truncated-other"),
    ("hand:trunc_seed000.txt", "own:en_01", "truncated-other"),
    ("hand:trunc_ko01.txt", "own:ko_02", "truncated-other"),
    ("hand:trunc_ja02.txt", "own:ja_01", "truncated-other"),
    ("hand:template_ko01.txt", "own:en_01", "translation"),
    ("hand:rewrap_uk01.txt", "own:ru_02", "translation"),
]

# --- boilerplate pools for generated template wraps ---------------------------------------
HEADERS = {
    "en": [
        "Skip to content",
        "Menu",
        "Search",
        "Sign in",
        "Subscribe now",
        "World | Politics | Business | Tech | Opinion",
        "Home > World > Asia-Pacific",
        "Share this article",
        "Listen to this article · 4 min",
        "Advertisement",
        "By Staff Writer",
        "Published 3 hours ago",
        "Updated 10:42 GMT",
    ],
    "ko": [
        "본문 바로가기",
        "전체메뉴",
        "로그인",
        "구독하기",
        "정치 경제 사회 국제 문화 스포츠",
        "홈 > 국제 > 아시아",
        "기사 공유하기",
        "글자크기 설정",
        "입력 2024.10.28 15:20",
        "기자 페이지",
    ],
    "ja": [
        "メインコンテンツへスキップ",
        "メニュー",
        "ログイン",
        "会員登録",
        "ホーム 国際 政治 経済 社会",
        "この記事をシェア",
        "文字サイズ",
        "2024年10月28日 15:20",
        "有料会員限定記事",
    ],
    "ru": [
        "Перейти к содержимому",
        "Меню",
        "Войти",
        "Подписаться",
        "Главная / В мире",
        "Поделиться",
        "28 октября 2024, 15:20",
        "Время чтения: 3 мин.",
    ],
    "uk": ["Головна / Світ", "Меню", "Увійти", "Поділитися", "28 жовтня 2024, 15:20"],
    "de": [
        "Zum Inhalt springen",
        "Menü",
        "Anmelden",
        "Abonnieren",
        "Politik > Ausland",
        "Artikel teilen",
        "Lesezeit: 3 Min.",
        "28.10.2024, 15:20 Uhr",
    ],
    "fr": [
        "Aller au contenu",
        "Menu",
        "Se connecter",
        "S'abonner",
        "International > Asie-Pacifique",
        "Partager",
        "Temps de lecture : 3 min",
        "Publié le 28 octobre 2024 à 15h20",
    ],
    "es": [
        "Ir al contenido",
        "Menú",
        "Iniciar sesión",
        "Suscríbete",
        "Internacional > Asia",
        "Compartir",
        "28 oct 2024 - 15:20 CET",
    ],
    "pt": ["Pular para o conteúdo", "Menu", "Entrar", "Assine", "Compartilhar", "Blog"],
}
FOOTERS = {
    "en": [
        "Related stories",
        "Most read",
        "Sign up for our daily newsletter",
        "Enter your email address",
        "Comments are closed.",
        "Follow us on X, Facebook and Instagram",
        "About us | Contact | Privacy policy | Terms of use",
        "© 2024 All rights reserved.",
        "Read next: Markets rally as oil prices fall",
        "Sponsored content",
    ],
    "ko": [
        "관련 기사",
        "많이 본 뉴스",
        "무단전재 및 재배포 금지",
        "기사제보 및 보도자료",
        "회사소개 | 개인정보처리방침 | 청소년보호정책",
        "ⓒ 2024 All rights reserved.",
    ],
    "ja": [
        "関連記事",
        "アクセスランキング",
        "無断転載を禁じます",
        "この記事にコメントする",
        "会社概要 | プライバシーポリシー | 利用規約",
        "© 2024 All rights reserved.",
    ],
    "ru": [
        "Читайте также",
        "Самое читаемое",
        "Подписывайтесь на наш Telegram-канал",
        "Все права защищены",
        "О проекте | Контакты | Политика конфиденциальности",
    ],
    "uk": ["Читайте також", "Найпопулярніше", "Усі права захищено"],
    "de": [
        "Mehr zum Thema",
        "Meistgelesen",
        "Newsletter abonnieren",
        "Impressum | Datenschutz | AGB",
        "© 2024 Alle Rechte vorbehalten",
    ],
    "fr": [
        "Lire aussi",
        "Les plus lus",
        "Inscrivez-vous à notre newsletter",
        "Mentions légales | Confidentialité | CGU",
        "© 2024 Tous droits réservés",
    ],
    "es": [
        "Te puede interesar",
        "Lo más leído",
        "Aviso legal | Privacidad | Cookies",
        "© 2024 Todos los derechos reservados",
    ],
    "pt": ["Leia também", "Mais lidas", "Todos os direitos reservados"],
}
READ_MORE = {
    "en": ["Read more", "Continue reading", "Read the full story", "Click here to read more"],
    "ko": ["기사 원문 보기", "전문 보기", "더보기"],
    "ja": ["続きを読む", "記事全文を読む"],
    "ru": ["Читать далее", "Подробнее"],
    "uk": ["Читати далі", "Детальніше"],
    "de": ["Weiterlesen", "Mehr lesen"],
    "fr": ["Lire la suite", "Lire l'article complet"],
    "es": ["Leer más", "Seguir leyendo"],
    "pt": ["Leia mais", "Continue lendo"],
}
UPDATE_LINE = {
    "en": "This article has been updated.",
    "ko": "이 기사는 업데이트되었습니다.",
    "ja": "この記事は更新されました。",
    "ru": "Материал дополнен.",
    "uk": "Матеріал доповнено.",
    "de": "Dieser Artikel wurde aktualisiert.",
    "fr": "Cet article a été mis à jour.",
    "es": "Este artículo ha sido actualizado.",
    "pt": "Este artigo foi atualizado.",
}
NOSPACE_LANGS = {"ja"}  # Korean separates words with spaces


# --- transforms ----------------------------------------------------------------------------


def paragraphs(text: str) -> list[str]:
    """Non-empty lines as paragraphs (the seeds use single newlines, others blank lines)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def size(text: str, lang: str) -> int:
    # Japanese: characters / 2 ~ words; good enough for choosing a truncation point.
    return len(text) // 2 if lang in NOSPACE_LANGS else len(text.split())


def wrap_template(text: str, lang: str, rng: random.Random) -> str:
    head = rng.sample(HEADERS[lang], k=min(len(HEADERS[lang]), rng.randint(4, 7)))
    foot = rng.sample(FOOTERS[lang], k=min(len(FOOTERS[lang]), rng.randint(3, 6)))
    paras = paragraphs(text)
    if len(paras) > 4 and rng.random() < 0.5:  # an ad or "read also" line inside the article
        paras.insert(rng.randint(2, len(paras) - 1), rng.choice(FOOTERS[lang][:2]))
    return "\n".join(head) + "\n\n" + "\n\n".join(paras) + "\n\n" + "\n".join(foot) + "\n"


def swap_quotes(text: str) -> str:
    table = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "«": '"', "»": '"'})
    if any(c in text for c in "“”’‘«»"):
        return text.translate(table)
    return text.replace('"', "“", 1).replace('"', "”", 1)


def edit(text: str, lang: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    ops = ["quotes", "drop", "insert", "words", "headline"]
    for op in rng.sample(ops, k=3):
        if op == "drop" and len(paras) >= 6:
            del paras[rng.randint(2, len(paras) - 1)]
        elif op == "insert":
            paras.insert(rng.randint(1, len(paras)), UPDATE_LINE[lang])
        elif op == "headline" and len(paras) >= 4 and len(paras[0]) < 160:
            paras[0] = paras[0] + (" (UPDATE)" if lang == "en" else " (2)")
        elif op == "words":
            i = rng.randint(1, len(paras) - 1) if len(paras) > 1 else 0
            words = paras[i].split()
            if len(words) > 8:
                j = rng.randint(0, len(words) - 2)
                words[j], words[j + 1] = words[j + 1], words[j]  # a swapped pair of words
                paras[i] = " ".join(words)
        elif op == "quotes":
            paras = [swap_quotes(p) for p in paras]
    return "\n\n".join(paras) + "\n"


def truncate(text: str, lang: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    total = size(text, lang)
    want = max(45, int(total * rng.uniform(0.15, 0.3)))
    out: list[str] = []
    for p in paras:
        out.append(p)
        if size("\n".join(out), lang) >= want:
            break
    return "\n\n".join(out) + "\n\n" + rng.choice(READ_MORE[lang]) + " »\n"


def reorder(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    head, rest = paras[:1], paras[1:]
    shuffled = rest[:]
    for _ in range(10):
        rng.shuffle(shuffled)
        if shuffled != rest:
            break
    return "\n\n".join(head + shuffled) + "\n"


def rewrap(text: str, lang: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    style = rng.choice(["wrap", "one-block", "spaces"])
    if style == "wrap" and lang not in NOSPACE_LANGS:
        width = rng.randint(55, 90)
        return "\n\n".join(textwrap.fill(p, width) for p in paras) + "\n"
    if style == "wrap":  # no spaces to break at: cut every N characters
        width = rng.randint(30, 45)
        return "\n\n".join(
            "\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paras
        )
    if style == "one-block":
        return " ".join(paras) + "\n"
    # irregular spacing: non-breaking spaces, doubled spaces, trailing blanks, CRLF
    out = [p.replace(". ", ".  ").replace(", ", ",\u00a0") + "   " for p in paras]
    return "\r\n\r\n\r\n".join(out) + "\r\n"


KIND_ORDER = ["template", "edited", "truncated", "reordered", "rewrapped"]


def variant(kind: str, text: str, lang: str, rng: random.Random) -> str:
    if kind == "template":
        return wrap_template(text, lang, rng)
    if kind == "edited":
        return edit(text, lang, rng)
    if kind == "truncated":
        return truncate(text, lang, rng)
    if kind == "reordered":
        return reorder(text, rng)
    return rewrap(text, lang, rng)


# --- references ----------------------------------------------------------------------------


def ref(key: str) -> str:
    """'seed:001' | 'own:en_01' | 'aeb:7bb1ca9035' | 'hand:x.txt' | 'gen:x.txt' -> path."""
    ns, name = key.split(":", 1)
    if ns == "seed":
        return "../seeds/" + next(s for s in SEED_IDS if s.startswith(name))
    if ns == "own":
        return "dedupe/own/" + next(s for s in OWN if s.startswith(name))
    if ns == "aeb":
        return f"dedupe/base/aeb_{name}.txt"
    return f"dedupe/{ns}/{name}"


def lang_of(key: str) -> str:
    ns, name = key.split(":", 1)
    if ns == "seed":
        return "en"
    if ns == "own":
        return name[:2]
    return AEB_LANG[f"aeb_{name}.txt"]


def read(path: str) -> str:
    return (EVAL / path).read_text(encoding="utf-8")


def main() -> None:
    gen_dir = HERE / "gen"
    gen_dir.mkdir(exist_ok=True)
    for old in gen_dir.glob("*.txt"):
        old.unlink()
    pairs: list[dict] = []

    seen: set[frozenset[str]] = set()

    def add(a: str, b: str, duplicate: bool, kind: str, note: str = "") -> None:
        if frozenset((a, b)) in seen:  # each unordered pair once
            return
        seen.add(frozenset((a, b)))
        row = {"id": f"p{len(pairs) + 1:03d}", "a": a, "b": b, "duplicate": duplicate}
        row["kind"] = kind
        if note:
            row["note"] = note
        pairs.append(row)

    # Generated positives: every base text gets two kinds, rotating through KIND_ORDER.
    bases = [f"seed:{s[:3]}" for s in SEED_IDS]
    bases += [f"own:{s[:5]}" for s in OWN]
    bases += [f"aeb:{name[4:14]}" for name in AEB_LANG]
    for n, key in enumerate(bases):
        lang = lang_of(key)
        text = read(ref(key))
        for kind in (KIND_ORDER[n % 5], KIND_ORDER[(n + 2) % 5]):
            rng = random.Random(f"{key}:{kind}")
            name = f"{key.replace(':', '_')}__{kind}.txt"
            (gen_dir / name).write_text(variant(kind, text, lang, rng), encoding="utf-8")
            add(ref(key), ref(f"gen:{name}"), True, kind, "generated")
    # Generated combinations: a truncated copy inside a template; an edited copy rewrapped.
    combos = [("seed:000", "tt"), ("seed:003", "tt"), ("own:ko_02", "tt")]
    combos += [("own:en_05", "er"), ("own:ja_02", "er"), ("aeb:c82b3d1d54", "er")]
    for key, combo in combos:
        lang = lang_of(key)
        rng = random.Random(f"{key}:mixed")
        text = read(ref(key))
        if combo == "tt":
            out = wrap_template(truncate(text, lang, rng), lang, rng)
            note = "generated: truncated + template"
        else:
            out = rewrap(edit(text, lang, rng), lang, rng)
            note = "generated: edited + rewrapped"
        name = f"{key.replace(':', '_')}__mixed.txt"
        (gen_dir / name).write_text(out, encoding="utf-8")
        add(ref(key), ref(f"gen:{name}"), True, "mixed", note)

    # Hand-made positives.
    hand_notes = json.loads((HERE / "hand" / "notes.json").read_text(encoding="utf-8"))
    for hand, orig, kind in HAND_POS:
        add(ref(orig), ref(f"hand:{hand}"), True, kind, "hand: " + hand_notes[hand])

    # Negatives: the seeds against each other.
    for a, b in combinations(SEED_IDS, 2):
        add(f"../seeds/{a}", f"../seeds/{b}", False, "same-story", "two seeds")
    # Own same-story articles (written for this set) against the seeds and each other.
    own_en = [s[:5] for s in OWN if s.startswith("en_")]
    for o in own_en:
        for s in SEED_IDS:
            add(ref(f"own:{o}"), f"../seeds/{s}", False, "same-story", "own vs seed")
    for a, b in combinations(own_en, 2):
        add(ref(f"own:{a}"), ref(f"own:{b}"), False, "same-story", "own vs own")
    for a, b in SAME_LANG_OWN:
        add(ref(f"own:{a}"), ref(f"own:{b}"), False, "same-story", "own vs own, same language")
    for a, b in TRANSLATIONS:
        add(ref(f"own:{a}"), ref(f"own:{b}"), False, "translation")
    # A copy's variant against a different same-story article.
    for key, kind, other in [
        ("seed:002", "template", "own:en_02"),
        ("seed:000", "edited", "own:en_01"),
        ("own:en_03", "truncated", "seed:002"),
        ("own:en_02", "rewrapped", "own:en_07"),
        ("own:ko_01", "truncated", "own:ko_02"),
        ("own:de_02", "edited", "own:de_01"),
    ]:
        name = f"{key.replace(':', '_')}__{kind}.txt"
        if not (gen_dir / name).exists():
            rng = random.Random(f"{key}:{kind}")
            text = variant(kind, read(ref(key)), lang_of(key), rng)
            (gen_dir / name).write_text(text, encoding="utf-8")
        add(ref(f"gen:{name}"), ref(other), False, "same-story", f"{kind} copy of {key} vs other")
    # Real same-story articles from different outlets (article-extraction benchmark).
    for cluster, ids in AEB_CLUSTERS.items():
        for a, b in combinations(ids, 2):
            add(ref(f"aeb:{a}"), ref(f"aeb:{b}"), False, "same-story", f"benchmark: {cluster}")
    for a, b in AEB_SAME_SITE:
        add(ref(f"aeb:{a}"), ref(f"aeb:{b}"), False, "same-site", "benchmark: one site")
    # Two different articles wrapped by the same generated template.
    for a, b in [("own:en_01", "own:en_02"), ("seed:001", "own:en_06"), ("own:ko_01", "own:ko_02")]:
        rng_a, rng_b = random.Random(f"tpl:{a}:{b}"), random.Random(f"tpl:{a}:{b}")
        lang = lang_of(a)
        name_a = f"{a.replace(':', '_')}__sametpl.txt"
        name_b = f"{b.replace(':', '_')}__sametpl.txt"
        (gen_dir / name_a).write_text(wrap_template(read(ref(a)), lang, rng_a), encoding="utf-8")
        (gen_dir / name_b).write_text(wrap_template(read(ref(b)), lang, rng_b), encoding="utf-8")
        add(ref(f"gen:{name_a}"), ref(f"gen:{name_b}"), False, "same-template")
    # Unrelated texts.
    unrelated = [
        ("seed:001", "aeb:7bb1ca9035"),
        ("own:en_02", "aeb:d1c57d7821"),
        ("own:ko_01", "aeb:0ec95c7261"),
        ("own:ja_01", "aeb:f105de6e63"),
        ("own:ru_01", "aeb:c82b3d1d54"),
        ("aeb:432362af0b", "aeb:156770d676"),
        ("aeb:ba07d1e647", "aeb:3252222e61"),
        ("aeb:0ec95c7261", "aeb:85439e26c4"),
    ]
    for a, b in unrelated:
        add(ref(a), ref(b), False, "unrelated")
    # Hand-made negatives.
    for a, b, kind in HAND_NEG:
        add(ref(a), ref(b), False, kind, "hand")
    # Tiny and empty texts (inline).
    add("", "", False, "empty", "two empty texts are not duplicates")
    add("Read more", ref("seed:001"), False, "short", "a bare link text")
    add(
        "North Korea has sent around 10,000 soldiers to train in eastern Russia.",
        "Russia says North Korean troops are a sovereign matter and will not comment.",
        False,
        "short",
        "two one-line briefs",
    )

    with OUT_JSONL.open("w", encoding="utf-8") as fh:
        for row in pairs:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    pos = sum(r["duplicate"] for r in pairs)
    print(f"{len(pairs)} pairs ({pos} duplicate, {len(pairs) - pos} not) -> {OUT_JSONL}")


if __name__ == "__main__":
    main()
