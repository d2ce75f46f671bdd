"""Near-duplicate lookup against 100,000 indexed articles: latency, recall, false positives.

    .venv/bin/python bench/bench_dedupe_lookup.py [--docs 100000] [--queries 250] [--rebuild]

Elasticsearch: TROOPWATCH_ES_URL, or the project's local one (started if needed, and stopped
again at the end when this script started it, unless --keep-es). Everything lives under the
index prefix ``twbench-dedupe`` (set up with ``setup_indices``, like production).

Corpus: ``--docs`` synthetic English news articles (~300 words, 4-6 paragraphs), generated
deterministically from article number ``i``: sentences from news-style templates whose slots
take random people, organisations, places, figures and dates, with a share of stock phrases
("according to people familiar with the matter") so that, as in real news, some shingles and
anchor keys are common to thousands of articles. Each document stores what the pipeline
stores for dedupe: ``text`` (verification reads it), ``text_hash``, ``minhash``,
``minhash_bands``. The index is reused when it already holds ``--docs`` documents.

Queries (timed one by one through ``store.find_duplicate``, after a warm-up):
``--queries`` near-duplicates of indexed articles — edited (words and figures changed),
truncated ("read more" teaser), reordered paragraphs, page template around a lightly edited
copy — and ``--queries`` fresh articles from the same generator that were never indexed.
Prints median/p90/p99 ms split into Elasticsearch ``took``, round trip and Python sketch
time, recall on the near-duplicates, false-positive rate on the fresh ones, indexing
throughput, index size (with the largest fields) and JVM heap.

Segments matter: the query has ~70 term clauses and Elasticsearch looks each one up in every
segment, so latency grows with the segment count. A bulk load leaves ~20 segments at 100,000
documents, about what a continuously written index has; ``--forcemerge 1`` shows the merged
case (the merge is kept in the cached index; ``--rebuild`` returns to the as-loaded state).
Timings on a shared machine include whatever else runs: the load average is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import time
import warnings
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from elasticsearch import Elasticsearch, helpers  # noqa: E402

from troopwatch.dedupe.minhash import sketch  # noqa: E402
from troopwatch.dedupe.store import dedupe_fields, find_duplicate  # noqa: E402
from troopwatch.es.indices import Indices, drop_indices, setup_indices  # noqa: E402

PREFIX = "twbench-dedupe"
CORPUS_SEED = "troopwatch-bench-v1"

# --- word lists --------------------------------------------------------------------------


def words(block: str) -> list[str]:
    """Whitespace-separated entries; ``_`` joins the words of one entry."""
    return [w.replace("_", " ") for w in block.split()]


FIRST = words(
    """James Maria Oleksandr Olena Kim Lee Park Choi Jung Anna Sergei Dmitri Irina Yuki Hiroshi
Kenji Sofia Lucas Emma Noah Mia Liam Chloe Hugo Lena Felix Clara Pablo Lucia Mateo Ingrid Lars
Ahmed Fatima Omar Leila Raj Priya Wei Li Chen Mei Tomasz Agnieszka Pieter Sanne Giorgos Eleni
Andrzej Viktor Daria Mykola Taras Hanna Ji-hoon Seo-yeon Min-jun Su-bin Aiko Takeshi Marco Giulia
Jean Claire Thomas Julia Michael Sarah David Rachel Kevin Laura"""
)
LAST = words(
    """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Seo Kwon Hwang Ahn Song Hong Petrov
Ivanov Smirnov Kuznetsov Popov Volkov Sokolov Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko
Oliynyk Melnyk Boyko Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Smith Johnson
Brown Miller Davis Wilson Moore Taylor Anderson Thomas Jackson White Harris Martin Thompson
Garcia Martinez Robinson Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams
Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart
Morris Rogers Reed Cook Morgan Bell Murphy Bailey Rivera Cooper Richardson Cox Howard Ward Torres
Peterson Gray Ramirez Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson
Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington Butler Simmons Foster
Gonzales Bryant Alexander Russell Griffin Diaz Hayes Muller Schmidt Schneider Fischer Weber
Meyer Wagner Becker Schulz Hoffmann Dubois Moreau Laurent Lefebvre Rousseau Fontaine"""
)
ROLES = words(
    """spokesperson minister deputy_minister defence_secretary analyst researcher commander
general colonel ambassador envoy lawmaker senator adviser director professor governor
mayor official diplomat correspondent intelligence_chief chief_of_staff press_secretary
foreign_minister prime_minister president vice_president senior_fellow
military_expert"""
)
ORGS = words(
    """the_Pentagon NATO the_European_Union the_United_Nations the_Kremlin
South_Korea's_National_Intelligence_Service the_State_Department the_White_House
Ukraine's_military_intelligence_agency the_Institute_for_the_Study_of_War
the_Center_for_Strategic_and_International_Studies the_International_Crisis_Group
Japan's_Defence_Ministry the_Ukrainian_General_Staff the_Russian_Defence_Ministry
the_International_Atomic_Energy_Agency the_Red_Cross the_World_Bank the_IMF
the_G7 the_Security_Council Seoul's_Unification_Ministry the_Foreign_Office
the_Bundestag the_Elysee the_OSCE Amnesty_International Human_Rights_Watch
the_Royal_United_Services_Institute Chatham_House the_RAND_Corporation
the_Asan_Institute the_Carnegie_Endowment the_Korea_Institute_for_Defense_Analyses
the_Stockholm_International_Peace_Research_Institute"""
)
PLACES = words(
    """Kursk Belgorod Bryansk Donetsk Luhansk Kharkiv Zaporizhzhia Kherson Pokrovsk Kupiansk
Vladivostok Khabarovsk Ussuriysk Moscow Kyiv Seoul Pyongyang Tokyo Beijing Washington Brussels
Berlin Paris London Warsaw Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Prague
Bratislava Budapest Bucharest Sofia Ankara Istanbul Geneva Vienna Rome Madrid Lisbon Dnipro
Odesa Lviv Sumy Chernihiv Poltava Mariupol Avdiivka Bakhmut Sudzha Korenevo Rostov Novosibirsk
Irkutsk Chita Kaliningrad Minsk Tbilisi Yerevan Baku Astana Tashkent Ulaanbaatar Busan Incheon
Wonsan Sinpo Rason Chongjin Sinuiju Kaesong Panmunjom Osaka Sapporo Shenyang Dandong Harbin
Rotterdam Hamburg Gdansk Constanta Odessa Mykolaiv Izium Vovchansk Toretsk Chasiv_Yar
Siversk Kramatorsk Sloviansk Lyman Svatove Kreminna Melitopol Berdiansk Tokmak Robotyne"""
)
UNITS = words(
    """troops soldiers special_forces engineers workers artillerymen officers conscripts
volunteers paratroopers marines drone_operators military_advisers construction_workers
medics sappers snipers tank_crews pilots technicians"""
)
DAYS = words("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday""")
MONTHS = words(
    """January February March April May June July August September October November
December"""
)
ADJ = words(
    """new fresh growing sudden unexpected limited sharp steady renewed broad urgent
serious modest cautious bold heavy fierce brief lengthy detailed vague confidential public
strategic tactical regional global diplomatic economic military political humanitarian
logistical technical legal financial long-term short-term intense quiet deliberate"""
)
NOUNS = words(
    """offensive counteroffensive ceasefire sanctions package shipment convoy deployment
exercise drill summit agreement treaty proposal report assessment briefing statement warning
investigation inquiry estimate forecast budget programme plan strategy operation campaign
mission visit delegation talks negotiation debate vote resolution decree order directive
mobilisation recruitment training supply route corridor bridge airfield depot railway port
pipeline plant factory shipyard launch test satellite missile drone shell artillery radar
frontline border region province district village town city capital"""
)
VERBS = words(
    """announced confirmed denied rejected welcomed criticised condemned questioned
approved postponed expanded reduced delayed accelerated reviewed disclosed revealed
acknowledged dismissed downplayed praised reported signalled proposed outlined ordered
suspended resumed launched halted blocked backed supported opposed"""
)
SAY = words(
    """said told_reporters stated wrote argued warned noted added insisted claimed
suggested explained estimated told_lawmakers told_state_media told_a_briefing"""
)
STOCK = [
    "according to people familiar with the matter",
    "who spoke on condition of anonymity because they were not authorised to speak publicly",
    "the claims could not be independently verified",
    "did not immediately respond to a request for comment",
    "in a statement published on its website",
    "at a news conference in the capital",
    "citing satellite imagery and intercepted communications",
    "since the start of the full-scale invasion in February 2022",
    "amid growing concern among Western allies",
    "as the war approaches its third winter",
]


class ArticleGenerator:
    """Deterministic synthetic news: article ``i`` is always the same text."""

    def __init__(self, seed: str = CORPUS_SEED):
        self.seed = seed

    def person(self, r: random.Random) -> str:
        return f"{r.choice(FIRST)} {r.choice(LAST)}"

    def figure(self, r: random.Random) -> str:
        n = r.choice([r.randint(2, 99) * 100, r.randint(1, 30) * 1000, r.randint(100, 20000)])
        return f"{n:,}"

    def date(self, r: random.Random) -> str:
        return r.choice(
            [f"on {r.choice(DAYS)}", f"on {r.randint(1, 28)} {r.choice(MONTHS)}", "this week"]
        )

    def sentence(self, r: random.Random) -> str:
        p, org, place = self.person(r), r.choice(ORGS), r.choice(PLACES)
        role, say, unit = r.choice(ROLES), r.choice(SAY), r.choice(UNITS)
        adj, adj2, noun, noun2 = r.choice(ADJ), r.choice(ADJ), r.choice(NOUNS), r.choice(NOUNS)
        verb, fig, when = r.choice(VERBS), self.figure(r), self.date(r)
        place2 = r.choice(PLACES)
        templates = [
            f"{p}, a {role} at {org}, {say} {when} that about {fig} {unit} had reached {place}.",
            f"{org} {verb} the {adj} {noun} near {place} {when}, {p} {say}.",
            f"The {noun} in {place} was {verb} after {fig} {unit} were moved from {place2}.",
            f"{p} {say} the {adj} {noun} would not change the situation around {place}.",
            f"Officials in {place} {verb} a {adj} {noun} involving {fig} {unit}, "
            f"{r.choice(STOCK)}.",
            f"{org} {say} {when} that the {noun} of {fig} {unit} to {place} was {adj}.",
            f"Asked about the {noun}, {p} {say} that {org} had {verb} a {adj2} {noun2}.",
            f"Satellite images of {place} show a {adj} {noun} and about {fig} {unit} nearby.",
            f"{p} of {org} {say} that {fig} {unit} could be sent to {place} by {r.choice(MONTHS)}.",
            f"The {adj} {noun} between {place} and {place2} was {verb}, {r.choice(STOCK)}.",
            f"{org} has {verb} reports that {fig} {unit} took part in a {adj} {noun} at {place}.",
            f"In {place}, {p} {say} the {noun2} was {adj2} and {verb} by {org}.",
            f"{p}, the {role}, {say} {when}: the {adj} {noun} near {place} is {adj2}.",
            f"At least {fig} {unit} were reported near {place2} {when}, {r.choice(STOCK)}.",
            f"Separately, {org} {verb} a {adj} {noun} for {place}, {p} {say}.",
        ]
        chosen = r.choice(templates)
        return chosen[0].upper() + chosen[1:]

    def paragraphs(self, r: random.Random, length: int) -> list[str]:
        paragraphs: list[str] = []
        count = 0
        while count < length:
            para = " ".join(self.sentence(r) for _ in range(r.randint(2, 4)))
            paragraphs.append(para)
            count += len(para.split())
        return paragraphs

    def article(self, i: int) -> str:
        r = random.Random(f"{self.seed}:{i}")
        place = r.choice(PLACES)
        title = f"{r.choice(ADJ).capitalize()} {r.choice(NOUNS)} near {place} {r.choice(VERBS)}"
        return "\n\n".join([title, *self.paragraphs(r, r.randint(260, 340))])


GEN = ArticleGenerator()


def doc_id(i: int) -> str:
    return f"bench-{i:06d}"


def make_doc(i: int) -> dict:
    text = GEN.article(i)
    return {
        "article_id": doc_id(i),
        "url": f"https://bench.example/{i}",
        "lang": "en",
        "text": text,
        "text_length": len(text),
        **dedupe_fields(text),
    }


# --- near-duplicate variants ---------------------------------------------------------------


def edited(text: str, r: random.Random) -> str:
    """A rewritten wire copy: ~6% of words replaced, figures restated, one sentence cut."""
    tokens = text.split(" ")
    for k in r.sample(range(len(tokens)), max(1, len(tokens) * 6 // 100)):
        tokens[k] = r.choice(ADJ + NOUNS)
    out = " ".join(tokens).replace(",000", " 000")
    sentences = out.split(". ")
    del sentences[r.randrange(1, len(sentences))]
    return ". ".join(sentences)


def truncated(text: str, r: random.Random) -> str:
    paras = text.split("\n\n")
    keep = max(2, round(len(paras) * r.uniform(0.4, 0.7)))
    return "\n\n".join(paras[:keep]) + "\n\nRead the full story on our website."


def reordered(text: str, r: random.Random) -> str:
    title, *paras = text.split("\n\n")
    r.shuffle(paras)
    return "\n\n".join([title, *paras])


def templated(text: str, r: random.Random) -> str:
    nav = "Home | World | Europe | Asia | Business | Opinion | Sport | Subscribe | Sign in"
    foot = (
        "Most read: markets rally as inflation cools; ten recipes for autumn; the best phones "
        "of the year. Advertisement. Sign up for our newsletter. Copyright 2024 The Observer. "
        "All rights reserved. Privacy policy. Terms of use. Contact us."
    )
    tokens = text.split(" ")
    for k in r.sample(range(len(tokens)), 3):
        tokens[k] = r.choice(NOUNS)
    return f"{nav}\n\n{' '.join(tokens)}\n\n{foot}"


VARIANTS = {"edited": edited, "truncated": truncated, "reordered": reordered, "template": templated}


# --- Elasticsearch ---------------------------------------------------------------------------


def connect() -> tuple[Elasticsearch, object | None]:
    """A client, and the LocalElasticsearch this script started (None if it was running)."""
    from troopwatch.runtime import connect as tw_connect
    from troopwatch.runtime import es_config, local_es

    config = dataclasses.replace(es_config(), prefix=PREFIX)
    started = None
    if config.is_local:
        local = local_es(config)
        if local.health() is None:
            started = local
    return tw_connect(config, start_local=True), started


def count_docs(es: Elasticsearch, indices: Indices) -> int:
    es.indices.refresh(index=indices.articles)
    return int(es.count(index=indices.articles)["count"])


def build_corpus(es: Elasticsearch, indices: Indices, docs: int, workers: int) -> dict:
    """Fingerprint and bulk-index the corpus; timings for the report."""
    alias = indices.articles
    es.indices.put_settings(index=alias, settings={"index": {"refresh_interval": "-1"}})
    bulk = es.options(request_timeout=300)
    t0 = time.perf_counter()

    def actions(stream: Iterator[dict]) -> Iterator[dict]:
        for doc in stream:
            yield {"_index": alias, "_id": doc["article_id"], "_source": doc}

    done = 0
    with Pool(workers) as pool:
        stream = pool.imap(make_doc, range(docs), chunksize=200)
        for ok, item in helpers.streaming_bulk(
            bulk, actions(stream), chunk_size=500, max_chunk_bytes=8 << 20
        ):
            if not ok:
                raise RuntimeError(f"bulk item failed: {item}")
            done += 1
            if done % 10000 == 0:
                rate = done / (time.perf_counter() - t0)
                print(f"  indexed {done:,} ({rate:,.0f} docs/s)", flush=True)
    t_bulk = time.perf_counter() - t0
    es.indices.put_settings(index=alias, settings={"index": {"refresh_interval": None}})
    t1 = time.perf_counter()
    es.options(request_timeout=600).indices.refresh(index=alias)
    t_refresh = time.perf_counter() - t1
    return {"seconds": t_bulk + t_refresh, "bulk_seconds": t_bulk, "refresh_seconds": t_refresh}


def fingerprint_rate(n: int = 300) -> float:
    """Articles/s for generating + fingerprinting in one process (the client-side cost)."""
    t0 = time.perf_counter()
    for i in range(n):
        make_doc(10_000_000 + i)
    return n / (time.perf_counter() - t0)


def index_figures(es: Elasticsearch, indices: Indices) -> dict:
    stats = es.indices.stats(index=indices.articles, metric=["store", "docs", "segments"])
    prim = stats["_all"]["primaries"]
    node = next(iter(es.nodes.stats(metric="jvm")["nodes"].values()))
    heap = node["jvm"]["mem"]
    return {
        "docs": prim["docs"]["count"],
        "store_bytes": prim["store"]["size_in_bytes"],
        "segments": prim["segments"]["count"],
        "heap_used": heap["heap_used_in_bytes"],
        "heap_max": heap["heap_max_in_bytes"],
    }


def field_sizes(es: Elasticsearch, indices: Indices, top: int = 5) -> str:
    """Where the bytes go (analyze-index-disk-usage API; reads the whole index, ~1 s here)."""
    try:
        with warnings.catch_warnings():  # the API is a "technical preview": say it once, here
            warnings.simplefilter("ignore")
            resp = es.options(request_timeout=600).indices.disk_usage(
                index=indices.articles, run_expensive_tasks=True
            )
    except Exception as exc:  # an optional figure, never fatal
        return f"(disk usage API failed: {exc})"
    fields = next(v for k, v in resp.items() if k != "_shards")["fields"]
    ranked = sorted(fields.items(), key=lambda kv: -kv[1]["total_in_bytes"])[:top]
    return ", ".join(f"{name} {v['total_in_bytes'] / 2**20:,.0f} MiB" for name, v in ranked)


# --- queries -----------------------------------------------------------------------------------


def queries(docs: int, n: int) -> list[tuple[str, str, str | None]]:
    """(kind, text, expected id): ``n`` near-duplicates of indexed docs, ``n`` fresh articles."""
    r = random.Random(f"{CORPUS_SEED}:queries")
    out: list[tuple[str, str, str | None]] = []
    kinds = list(VARIANTS)
    for k, i in enumerate(r.sample(range(docs), n)):
        kind = kinds[k % len(kinds)]
        out.append((kind, VARIANTS[kind](GEN.article(i), r), doc_id(i)))
    # Same generator, article numbers never indexed.
    out += [("fresh", GEN.article(docs + 1_000_000 + k), None) for k in range(n)]
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class TimedSearch:
    """Stands in for the client inside ``find_duplicate``: records each search's round trip
    and Elasticsearch's own ``took``, to split the latency into server, wire and Python."""

    def __init__(self, es: Elasticsearch):
        self.es = es
        self.took: list[float] = []
        self.round_trip: list[float] = []

    def search(self, **kwargs):
        t0 = time.perf_counter()
        resp = self.es.search(**kwargs)
        self.round_trip.append((time.perf_counter() - t0) * 1000)
        self.took.append(float(resp["took"]))
        return resp


def run_queries(es: Elasticsearch, alias: str, items: list) -> dict:
    for _kind, text, _ in items[:20]:  # warm-up: JIT, caches, connection pool
        find_duplicate(es, alias, text, "en")
    timed = TimedSearch(es)
    times, sketch_times = [], []
    per_kind: dict[str, list[int]] = {}
    hits = wrong = fp = 0
    for kind, text, expected in items:
        t0 = time.perf_counter()
        match = find_duplicate(timed, alias, text, "en")  # type: ignore[arg-type]
        times.append((time.perf_counter() - t0) * 1000)
        t1 = time.perf_counter()
        sketch(text)
        sketch_times.append((time.perf_counter() - t1) * 1000)
        stats = per_kind.setdefault(kind, [0, 0])
        stats[1] += 1
        if expected is None:
            fp += match is not None
            stats[0] += match is None
        elif match is not None and match.article_id == expected:
            hits += 1
            stats[0] += 1
        elif match is not None:
            wrong += 1
    near = sum(1 for _, _, e in items if e is not None)
    fresh = len(items) - near
    return {
        "times": times,
        "sketch_times": sketch_times,
        "took": timed.took,
        "round_trip": timed.round_trip,
        "recall": hits / near if near else 0.0,
        "wrong": wrong,
        "fp_rate": fp / fresh if fresh else 0.0,
        "fp": fp,
        "per_kind": per_kind,
        "near": near,
        "fresh": fresh,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=250, help="near-dups, and as many fresh")
    parser.add_argument("--rebuild", action="store_true", help="re-create the corpus index")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument(
        "--forcemerge",
        type=int,
        metavar="N",
        help="force-merge the corpus index to N segments before the queries (kept afterwards)",
    )
    parser.add_argument("--keep-es", action="store_true", help="leave a local ES we started up")
    args = parser.parse_args()

    es, started = connect()
    indices = Indices(PREFIX)
    try:
        # GET / is missing from the minimal distribution: the version comes from nodes info.
        version = next(iter(es.nodes.info(metric="process")["nodes"].values()))["version"]
        print(f"Elasticsearch {version}, prefix {PREFIX}")
        if args.rebuild:
            drop_indices(es, PREFIX)
        setup_indices(es, PREFIX)
        have = count_docs(es, indices)
        if have != args.docs:
            if have:
                print(f"index holds {have:,} documents, not {args.docs:,}: rebuilding")
                drop_indices(es, PREFIX)
                setup_indices(es, PREFIX)
            print(f"indexing {args.docs:,} synthetic articles ({args.workers} worker processes)")
            built = build_corpus(es, indices, args.docs, args.workers)
            print(
                f"indexing: {args.docs:,} docs in {built['seconds']:.1f} s = "
                f"{args.docs / built['seconds']:,.0f} docs/s end to end (generate + fingerprint "
                f"+ bulk; bulk {built['bulk_seconds']:.1f} s, refresh "
                f"{built['refresh_seconds']:.1f} s)"
            )
        else:
            print(f"reusing the index: {have:,} documents (--rebuild to re-create)")
        if args.forcemerge:
            t0 = time.perf_counter()
            es.options(request_timeout=3600).indices.forcemerge(
                index=indices.articles, max_num_segments=args.forcemerge
            )
            print(
                f"force-merged to {args.forcemerge} segment(s) in {time.perf_counter() - t0:.0f} s"
            )
        print(f"client-side generate + fingerprint: {fingerprint_rate():,.0f} articles/s/process")
        figures = index_figures(es, indices)
        print(
            f"index: {figures['docs']:,} docs, {figures['store_bytes'] / 2**20:,.0f} MiB on disk "
            f"({figures['store_bytes'] / max(figures['docs'], 1) / 1024:.2f} KiB/doc), "
            f"{figures['segments']} segments; JVM heap {figures['heap_used'] / 2**20:,.0f} / "
            f"{figures['heap_max'] / 2**20:,.0f} MiB"
        )
        print(f"  largest fields on disk: {field_sizes(es, indices)}")

        items = queries(args.docs, args.queries)
        median_words = statistics.median(len(t.split()) for _, t, _ in items)
        print(
            f"queries: {len(items)} ({args.queries} near-dups, {args.queries} fresh), "
            f"median {median_words:.0f} words"
        )
        res = run_queries(es, indices.articles, items)
        t, s = res["times"], res["sketch_times"]
        print(
            f"find_duplicate latency: median {statistics.median(t):.1f} ms, "
            f"p90 {percentile(t, 0.9):.1f} ms, p99 {percentile(t, 0.99):.1f} ms, "
            f"max {max(t):.1f} ms (target < 20 ms)"
        )
        took, trip = res["took"], res["round_trip"]
        print(
            f"  split (medians): Elasticsearch took {statistics.median(took):.1f} ms "
            f"(p90 {percentile(took, 0.9):.0f}), search round trip incl. JSON "
            f"{statistics.median(trip):.1f} ms, sketch in Python {statistics.median(s):.1f} ms"
        )
        print(
            f"  machine load average during the queries: {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} cores"
        )
        print(
            f"recall on near-duplicates: {res['recall']:.3f} "
            f"({round(res['recall'] * res['near'])}/{res['near']}, wrong original {res['wrong']})"
        )
        print(
            f"false-positive rate on fresh articles: {res['fp_rate']:.3f} "
            f"({res['fp']}/{res['fresh']})"
        )
        for kind, (ok, n) in res["per_kind"].items():
            print(f"  {kind:<10} {ok}/{n} correct")
        heap = index_figures(es, indices)["heap_used"]
        print(f"JVM heap after the queries: {heap / 2**20:,.0f} MiB")
        ok = statistics.median(t) < 20
        print("PASS" if ok else "FAIL", "median < 20 ms")
        return 0 if ok else 1
    finally:
        es.close()
        if started is not None and not args.keep_es:
            print("stopping the local Elasticsearch this script started")
            started.stop()


if __name__ == "__main__":
    raise SystemExit(main())
