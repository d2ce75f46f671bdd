"""`troopwatch` — the command line (the contract in docs/design.md).

Every command exits 0 on success and non-zero with a one-line reason on standard error
for bad input or an unreachable service.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path

from elasticsearch import ApiError, TransportError

from troopwatch.es.client import EsUnavailable
from troopwatch.es.local import LocalEsError
from troopwatch.kibana import KibanaError
from troopwatch.redact import install_log_redaction, redact_text, redact_url


class CommandError(Exception):
    """A failure to report in one line (exit code 2 for bad input, 1 otherwise)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# -- helpers -----------------------------------------------------------------------


def _settings():
    from troopwatch.runtime import project_settings

    return project_settings()


def _es(start_local: bool = False):
    from troopwatch.runtime import connect, es_config

    config = es_config(_settings())
    return connect(config, start_local=start_local), config


def _indices(config):
    from troopwatch.es.indices import Indices

    return Indices(config.prefix)


def _read_inputs(files: list[str]) -> list[tuple[str | None, str]]:
    """(file name or None for stdin, text); HTML files are reduced to their article text."""
    from troopwatch.extract import extract_article

    inputs = []
    if not files:
        return [(None, sys.stdin.read())]
    for name in files:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror}", code=2) from exc
        text = raw.decode("utf-8", errors="replace")
        if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:1] == "<":
            article = extract_article(text, f"file://{path.resolve()}")
            text = article.text if article else ""
        inputs.append((name, text))
    return inputs


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


# -- commands ------------------------------------------------------------------------


def cmd_run(args) -> int:
    from schedules.daemon import run_daemon

    return run_daemon(_settings())


def cmd_crawl(args) -> int:
    from troopwatch.crawl import UnknownSpider, run_crawl

    settings = _settings()
    for assignment in args.set or []:
        name, sep, value = assignment.partition("=")
        if not sep:
            raise CommandError(f"--set takes NAME=VALUE, not {assignment!r}", code=2)
        settings.set(name, value, priority="cmdline")
    try:
        spider_args = dict(a.split("=", 1) for a in args.arg or [] if "=" in a)
        stats = run_crawl(
            args.spiders, sources=args.source, settings=settings, spider_args=spider_args
        )
    except UnknownSpider as exc:
        raise CommandError(str(exc), code=2) from exc
    if args.json:
        _print_json(stats)
    # A crawl that is a backfill task failed its work (say, a GDELT window's list could
    # not be had): exit 1, so that the daemon runs the task again.
    from crawler.spiders.base import TASK_FAILED

    failed = [f"{name}: {s[TASK_FAILED]}" for name, s in stats.items() if s.get(TASK_FAILED)]
    if failed:
        raise CommandError("; ".join(failed)[:500])
    return 0


def cmd_claims_extract(args) -> int:
    from troopwatch.claims.evidence import passage_claims

    try:
        inputs = _read_inputs(args.files)
    except UnicodeDecodeError as exc:
        raise CommandError(f"standard input is not UTF-8 text ({exc.reason})", code=2) from exc
    rc = 0
    for name, text in inputs:
        try:
            claims = passage_claims(text)
        except Exception as exc:  # one bad input is reported in one line; the others go on
            print(f"troopwatch: {name or 'stdin'}: no claims read: {exc!r}", file=sys.stderr)
            rc = 1
            continue
        for row in claims:
            if name is not None:
                row = {"file": name, **row}
            _print_json(row)
    return rc


def cmd_claims_eval(args) -> int:
    from troopwatch.claims.evaluate import run_eval

    return run_eval(args.path, split=args.split)


def cmd_dedupe_check(args) -> int:
    from troopwatch.dedupe.check import check_texts

    inputs = _read_inputs(args.files)
    try:
        es, config = _es()
        target = (es, _indices(config))
    except (EsUnavailable, TransportError, ApiError) as exc:
        print(f"troopwatch: {exc}; comparing with the seed files only", file=sys.stderr)
        target = None
    for row in check_texts(inputs, target):
        _print_json(row)
    return 0


def cmd_inspect(args) -> int:
    from troopwatch.dedupe.check import check_texts
    from troopwatch.inspection import InspectError, as_json, format_stages, inspect

    target, against = None, "the seed articles (Elasticsearch unreachable)"
    try:
        es, config = _es()
        target, against = (es, _indices(config)), f"{config.describe()} and the seeds"
    except (EsUnavailable, TransportError, ApiError) as exc:
        print(f"troopwatch: {exc}; comparing with the seed files only", file=sys.stderr)

    def duplicate_check(text: str) -> tuple[str | None, float, str]:
        row = next(iter(check_texts([(None, text)], target)))
        return row["duplicate_of"], row["similarity"], against

    try:
        kind, stages = inspect(args.target, duplicate_check)
    except InspectError as exc:
        raise CommandError(str(exc), code=2) from exc
    if args.json:
        _print_json(as_json(kind, stages))
    else:
        print(format_stages(kind, stages, full_text=args.full_text))
    return 0


def cmd_dedupe_eval(args) -> int:
    from troopwatch.dedupe.evaluate import run_eval

    return run_eval(args.path)


def cmd_entities_eval(args) -> int:
    from troopwatch.entities.evaluate import run_eval

    return run_eval(args.path)


def cmd_entities_link(args) -> int:
    from troopwatch.entities import wikidata as wd
    from troopwatch.entities.kb import DEFAULT_DIR, load_kb

    directory = Path(args.dir) if args.dir else DEFAULT_DIR
    settings = _settings()
    api = wd.WikidataApi(
        os.environ.get("TROOPWATCH_WIKIDATA_URL") or wd.DEFAULT_API,
        contact=settings.get("TROOPWATCH_CONTACT_URL") or "",
    )
    if args.write:
        try:
            wd.check_write_source(api.url, args.trust_insecure_source)
        except wd.WikidataError as exc:
            raise CommandError(str(exc), code=2) from None
    entities = load_kb(directory).entities
    if args.only:
        only = set(args.only)
        entities = [e for e in entities if e.id in only]
    try:
        links = wd.link_entities(entities, api)
    except wd.WikidataError as exc:
        raise CommandError(f"Wikidata unreachable: {exc}") from None
    counts: dict[str, int] = {}
    for link in links:
        counts[link.status] = counts.get(link.status, 0) + 1
        if args.json:
            print(json.dumps(dataclasses.asdict(link), ensure_ascii=False))
        elif link.status != "confirmed":
            print(
                f"{link.status:<10} {link.entity_id:<28} {link.current or '-':<11} "
                f"{link.proposed or '-':<11} {link.detail}"
            )
    if args.write:
        ids = {x.entity_id: x.proposed for x in links if x.changes}
        ids.update({x.entity_id: None for x in links if x.status == "wrong"})
        n = wd.write_ids(directory, ids, source=api.url)
        print(
            f"wrote {n} change(s) to {directory} (ids from {redact_url(api.url)})",
            file=sys.stderr,
        )
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{len(links)} entities: {summary}", file=sys.stderr)
    return 0


def cmd_es(args) -> int:
    from troopwatch.es.indices import setup_indices
    from troopwatch.runtime import es_config, local_cluster, local_es

    config = es_config(_settings())
    local = local_es(config)
    if args.action == "start":
        if not config.is_local:
            raise CommandError(f"TROOPWATCH_ES_URL is set ({config.describe()}); not starting one")
        if args.nodes < 1:
            raise CommandError(f"--nodes must be 1 or more, not {args.nodes}", code=2)
        if args.nodes > 1:
            urls = local_cluster(config, args.nodes).start()
            print(",".join(urls))  # the TROOPWATCH_ES_URL of a fleet on this cluster
        else:
            print(local.start())
    elif args.action == "stop":
        # Every node of a local cluster started with --nodes, and the single instance.
        stopped = sum(member.stop() for member in local_cluster(config, 0).found())
        print(
            f"stopped ({stopped} nodes)" if stopped > 1 else "stopped" if stopped else "not running"
        )
    elif args.action == "status":
        if config.is_local:
            status = local.status()
            if args.json:
                print(json.dumps(status))
            else:
                state = f"running ({status['health']})" if status["running"] else "not running"
                print(f"{status['url']} {state}")
            return 0 if status["running"] else 3
        es, _ = _es()
        print(f"{config.describe()} {es.cluster.health()['status']}")
    elif args.action == "setup":
        es, _ = _es(start_local=True)
        actions = setup_indices(es, config.prefix)
        print("\n".join(actions) if actions else "indices up to date")
    return 0


def cmd_backfill(args) -> int:
    """Queue one task per WARC file; the daemons of the fleet crawl them (fleet.py)."""
    from crawler.spiders.warc import WARC_SUFFIXES
    from troopwatch.fleet import backfill_task_id, enqueue_backfill

    paths = []
    for name in args.files:
        path = Path(name).resolve()
        if not path.is_file():
            raise CommandError(f"{name}: no such file", code=2)
        if not path.name.endswith(WARC_SUFFIXES):
            raise CommandError(f"{name}: not a WARC file ({', '.join(WARC_SUFFIXES)})", code=2)
        paths.append(str(path))
    es, indices = _backfill_target()
    queued, already = enqueue_backfill(es, indices, paths)
    print(
        f"{queued} WARC file(s) queued, {already} queued before; any `troopwatch run` on "
        "this cluster that can read them crawls them (progress: troopwatch status)"
    )
    return _follow_backfill(args, es, indices, [backfill_task_id(p) for p in paths])


def cmd_backfill_gdelt(args) -> int:
    """Queue one task per GDELT time window; the daemons of the fleet ask GDELT for each."""
    from crawler.spiders.gdelt import DEFAULT_QUERY
    from troopwatch.backfill import parse_bound
    from troopwatch.fleet import enqueue_gdelt, gdelt_windows

    try:
        start = parse_bound(args.start)
        end = parse_bound(args.end, end=True)
        windows = gdelt_windows(start, end, args.window)
    except ValueError as exc:
        raise CommandError(str(exc), code=2) from None
    query = (args.query or "").strip() or DEFAULT_QUERY
    es, indices = _backfill_target()
    ids, queued, already = enqueue_gdelt(es, indices, query, windows)
    print(
        f"{queued} GDELT window(s) of {args.window:g} h queued, {already} queued before "
        f"({start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} UTC); any `troopwatch run` on this "
        "cluster asks GDELT for them (progress: troopwatch status)"
    )
    return _follow_backfill(args, es, indices, ids)


def _backfill_target():
    from troopwatch.es.indices import setup_indices

    es, config = _es(start_local=True)
    setup_indices(es, config.prefix)
    return es, _indices(config)


def _follow_backfill(args, es, indices, ids: list[str]) -> int:
    """In a terminal, a progress bar until every task is done or failed; otherwise (or
    with --no-wait) the task ids, one a line."""
    from troopwatch.backfill import follow_tasks

    if args.no_wait or not sys.stdout.isatty():
        for task_id in ids:
            print(task_id)
        return 0
    try:
        counts = follow_tasks(es, indices, ids)
    except KeyboardInterrupt:
        print("\nstopped following; the tasks go on (troopwatch status)")
        return 130
    if counts["failed"]:
        raise CommandError(
            f"{counts['failed']} of {len(ids)} tasks failed (troopwatch status says why)"
        )
    return 0


def cmd_seeds_load(args) -> int:
    from troopwatch.es.indices import setup_indices
    from troopwatch.seeds import load_seeds

    es, config = _es(start_local=True)
    setup_indices(es, config.prefix)
    result = load_seeds(es, _indices(config))
    print(f"{result.indexed} seed articles indexed")
    return 0 if not result.rejected else 1


def cmd_sources(args) -> int:
    from troopwatch.sources_state import source_rows

    try:
        es, config = _es()
        target = (es, _indices(config))
    except (EsUnavailable, TransportError, ApiError) as exc:
        print(f"troopwatch: {exc}; showing the catalogue without state", file=sys.stderr)
        target = None
    rows = source_rows(_settings().get("TROOPWATCH_SOURCES"), target)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        state = row.get("last_error") or ("ok" if row.get("last_fetched") else "never fetched")
        print(
            f"{row['id']:<28} {row['kind']:<12} {row['lang']:<3} {'on ' if row['enabled'] else 'off'}"
            f" {row.get('last_fetched') or '-':<26} {row.get('articles_found') or 0:>5}  {state}"
            f"  {row['url']}"
        )
    return 0


def cmd_spool_flush(args) -> int:
    from troopwatch.es.writer import ArticleWriter, drain_articles
    from troopwatch.spool import Spool

    es, config = _es()
    spool = Spool(Path(_settings().get("TROOPWATCH_SPOOL_DIR")) / config.prefix)
    written = drain_articles(ArticleWriter(es, _indices(config), spool))
    left = len(spool.files())
    if left:  # copies waiting for their original, or Elasticsearch stopped answering
        print(f"{written} spooled articles written; {left} batch files still waiting")
        return 0
    print(f"{written} spooled articles written")
    return 0


def cmd_kibana_import(args) -> int:
    from troopwatch.kibana import import_saved_objects

    result = import_saved_objects(
        args.url,
        api_key=args.api_key,
        user=args.user,
        password=args.password,
        ca_file=args.ca,
        space=args.space,
    )
    print(result)
    return 0


def cmd_alerts_test(args) -> int:
    from schedules.alerts import send_test_alert

    return send_test_alert()


def cmd_report(args) -> int:
    from troopwatch.dates import parse_datetime
    from troopwatch.report import collect_report, render_report

    since = None
    if args.since:
        since = parse_datetime(args.since)
        if since is None:
            raise CommandError(f"--since: cannot read {args.since!r} as a date", code=2)
    es, config = _es(start_local=True)
    data = collect_report(es, _indices(config), since, _settings().get("TROOPWATCH_SOURCES"))
    out = Path(args.out)
    try:
        out.write_text(render_report(data), encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror}", code=2) from exc
    print(f"report: {len(data.claims)} claims, {len(data.articles)} articles -> {out}")
    return 0


def cmd_status(args) -> int:
    from schedules.status import print_status

    return print_status(_settings(), as_json=args.json)


# -- parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="troopwatch", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="the daemon: scheduled crawls and alert sweeps").set_defaults(
        func=cmd_run
    )

    p = sub.add_parser("crawl", help="one crawl now, then exit")
    p.add_argument("spiders", nargs="*", help="spider names (default: every spider with sources)")
    p.add_argument("--source", action="append", help="limit to these source ids")
    p.add_argument("--json", action="store_true", help="print the crawl's stats as JSON")
    p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="a Scrapy setting")
    p.add_argument("-a", "--arg", action="append", metavar="NAME=VALUE", help="a spider argument")
    p.set_defaults(func=cmd_crawl)

    claims = sub.add_parser("claims", help="troop-figure claims").add_subparsers(
        dest="action", required=True
    )
    p = claims.add_parser("extract", help="print one JSON claim per line from text")
    p.add_argument("files", nargs="*")
    p.set_defaults(func=cmd_claims_extract)
    p = claims.add_parser("eval", help="precision/recall on the labelled set")
    p.add_argument("path", nargs="?")
    p.add_argument("--split", choices=("dev", "test"), help="score one split of the set")
    p.set_defaults(func=cmd_claims_eval)

    dedupe = sub.add_parser("dedupe", help="duplicate detection").add_subparsers(
        dest="action", required=True
    )
    p = dedupe.add_parser("check", help="is each file a duplicate of something indexed?")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_dedupe_check)
    p = dedupe.add_parser("eval", help="precision/recall on the labelled pairs")
    p.add_argument("path", nargs="?")
    p.set_defaults(func=cmd_dedupe_eval)

    entities = sub.add_parser("entities", help="entity tagging").add_subparsers(
        dest="action", required=True
    )
    p = entities.add_parser("eval", help="precision/recall on the labelled texts")
    p.add_argument("path", nargs="?")
    p.set_defaults(func=cmd_entities_eval)
    p = entities.add_parser(
        "link", help="check the Wikidata ids against Wikidata and find missing ones"
    )
    p.add_argument("--write", action="store_true", help="write found ids, drop wrong ones")
    p.add_argument(
        "--trust-insecure-source",
        action="store_true",
        help="let --write take ids from a non-https TROOPWATCH_WIKIDATA_URL (your own mirror)",
    )
    p.add_argument("--json", action="store_true", help="one JSON line per entity")
    p.add_argument("--dir", help="entity YAML directory (default data/entities)")
    p.add_argument("--only", nargs="+", metavar="ID", help="only these entity ids")
    p.set_defaults(func=cmd_entities_link)

    p = sub.add_parser("es", help="the local Elasticsearch and the index templates")
    p.add_argument("action", choices=["start", "stop", "status", "setup"])
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--nodes",
        type=int,
        default=1,
        help="start: a local cluster of N nodes on loopback (http ports from "
        "TROOPWATCH_LOCAL_ES_PORT up, transport ports from it + 100)",
    )
    p.set_defaults(func=cmd_es)

    backfill = sub.add_parser("backfill", help="queue archives for the daemons to crawl")
    backfills = backfill.add_subparsers(dest="action", required=True)
    p = backfills.add_parser(
        "warc", help="one task per WARC file, taken by any daemon that can read it"
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_backfill)
    no_wait = "print the task ids and return (the default when not in a terminal)"
    p.add_argument("--no-wait", action="store_true", help=no_wait)
    p = backfills.add_parser(
        "gdelt", help="one task per time window of GDELT DOC 2.0 searches, for any daemon"
    )
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help="UTC, YYYY-MM-DD")
    p.add_argument(
        "--to", dest="end", required=True, metavar="DATE", help="UTC, YYYY-MM-DD (included)"
    )
    p.add_argument("--query", help="a GDELT query (default: the story in every language)")
    p.add_argument(
        "--window", type=float, default=24.0, metavar="HOURS", help="hours per task (24)"
    )
    p.add_argument("--no-wait", action="store_true", help=no_wait)
    p.set_defaults(func=cmd_backfill_gdelt)

    seeds = sub.add_parser("seeds", help="the seed articles").add_subparsers(
        dest="action", required=True
    )
    seeds.add_parser("load", help="index the seeds as the baseline").set_defaults(
        func=cmd_seeds_load
    )

    p = sub.add_parser("sources", help="the source catalogue and each source's state")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)

    spool = sub.add_parser("spool", help="articles kept while Elasticsearch was down")
    spool.add_subparsers(dest="action", required=True).add_parser(
        "flush", help="write them now"
    ).set_defaults(func=cmd_spool_flush)

    kibana = sub.add_parser("kibana", help="Kibana saved objects").add_subparsers(
        dest="action", required=True
    )
    p = kibana.add_parser("import", help="import data views and dashboards into Kibana")
    p.add_argument("--url", help="Kibana URL (default: TROOPWATCH_KIBANA_URL)")
    p.add_argument("--api-key", help="(default: TROOPWATCH_KIBANA_API_KEY)")
    p.add_argument("--user", help="(default: TROOPWATCH_KIBANA_USER)")
    p.add_argument("--password", help="(default: TROOPWATCH_KIBANA_PASSWORD)")
    p.add_argument("--ca", help="CA file (default: TROOPWATCH_KIBANA_CA)")
    p.add_argument("--space", help="Kibana space id")
    p.set_defaults(func=cmd_kibana_import)

    alerts = sub.add_parser("alerts", help="alert channels").add_subparsers(
        dest="action", required=True
    )
    alerts.add_parser("test", help="send a test alert to every configured channel").set_defaults(
        func=cmd_alerts_test
    )

    p = sub.add_parser("inspect", help="what the pipeline does with one page or feed")
    p.add_argument("target", metavar="URL|FILE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--full-text", action="store_true", help="print the whole extracted text")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("report", help="a self-contained HTML report for a briefing")
    p.add_argument("--since", help="only claims and articles from this date (YYYY-MM-DD)")
    p.add_argument("--out", required=True, metavar="FILE.html")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("status", help="schedule, last runs, pending alerts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command != "crawl":  # Scrapy installs its own log handler for crawls
        logging.basicConfig(
            level=logging.DEBUG if args.verbose else logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    install_log_redaction()
    # Our own one-line messages say when Elasticsearch is unreachable.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except CommandError as exc:
        print(f"troopwatch: {redact_text(str(exc))}", file=sys.stderr)
        return exc.code
    except (EsUnavailable, LocalEsError, KibanaError) as exc:
        print(f"troopwatch: {redact_text(str(exc))}", file=sys.stderr)
        return 1
    except (TransportError, ApiError) as exc:
        print(f"troopwatch: Elasticsearch error: {redact_text(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
