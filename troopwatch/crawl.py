"""One crawl, in this process: the spiders that have enabled sources, through the pipeline."""

from __future__ import annotations

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoaderProtocol

from crawler.sources import load_sources


class UnknownSpider(ValueError):
    pass


def spider_for_kind(loader: SpiderLoaderProtocol) -> dict[str, str]:
    """Source kind -> the spider that crawls it (each spider names its `source_kinds`;
    should two name one kind, the first by name wins)."""
    mapping: dict[str, str] = {}
    for name in sorted(loader.list()):
        for kind in getattr(loader.load(name), "source_kinds", ()):
            mapping.setdefault(kind, name)
    return mapping


def spiders_with_sources(process: CrawlerProcess, catalogue: str | None) -> list[str]:
    spiders = spider_for_kind(process.spider_loader)
    kinds = {s.kind for s in load_sources(catalogue) if s.enabled}
    return sorted({spiders[kind] for kind in kinds if kind in spiders})


def run_crawl(
    spiders: list[str] | None,
    sources: list[str] | None = None,
    settings: Settings | None = None,
    spider_args: dict[str, str] | None = None,
) -> dict:
    """Run the spiders (default: every spider with enabled sources); their stats by name."""
    process = CrawlerProcess(settings)
    known = process.spider_loader.list()
    for name in spiders or []:
        if name not in known:
            raise UnknownSpider(f"unknown spider {name!r}; spiders: {', '.join(sorted(known))}")
    names = spiders or spiders_with_sources(process, process.settings.get("TROOPWATCH_SOURCES"))
    crawlers = {}
    for name in names:
        crawler = process.create_crawler(name)
        kwargs = {"sources": ",".join(sources)} if sources else {}
        kwargs.update(spider_args or {})
        process.crawl(crawler, **kwargs)
        crawlers[name] = crawler
    process.start()
    return {name: dict(crawler.stats.get_stats()) for name, crawler in crawlers.items()}
