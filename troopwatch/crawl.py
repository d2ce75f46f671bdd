"""One crawl, in this process: the spiders that have enabled sources, through the pipeline."""

from __future__ import annotations

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import load_sources


class UnknownSpider(ValueError):
    pass


def spiders_with_sources(process: CrawlerProcess, catalogue: str | None) -> list[str]:
    kinds = {s.kind for s in load_sources(catalogue) if s.enabled}
    names = []
    for name in process.spider_loader.list():
        spider_cls = process.spider_loader.load(name)
        if kinds & set(getattr(spider_cls, "source_kinds", ())):
            names.append(name)
    return names


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
