"""`plainpress cache`: the build cache's size, pruned to its bound or cleared (the cache itself is
`cache.py`: this module is the command's arguments and words)."""
from __future__ import annotations

from pathlib import Path

from ..sizes import count, human_size
from . import cache

EXIT_OK = 0


def add_parser(sub, settings) -> None:
    text = "show the build cache's size; prune it to its bound or clear it"
    c = sub.add_parser("cache", help=text, description=text + (
        f". Its bound is cache_size in [tool.plainpress] (now {human_size(settings.cache_size)}); "
        "a build prunes it by itself, least recently used first."))
    c.add_argument("--cache", type=Path, default=settings.cache, help=f"the cache folder (default: {settings.cache}/)")
    what = c.add_mutually_exclusive_group()
    what.add_argument("--prune", action="store_true", help="remove the least recently used files down to the bound, "
                      "and records of older versions of plainpress")
    what.add_argument("--clear", action="store_true", help="remove everything in it (the next build makes all again)")


def run(args, settings) -> int:
    folder = args.cache
    if args.clear:
        print(f"cleared {folder}/: {count(cache.clear(folder).dropped)} removed")
        return EXIT_OK
    found = cache.prune(folder, settings.cache_size) if args.prune else cache.usage(folder)
    done = f"pruned {folder}/: {count(found.dropped)} removed; now " if args.prune else f"{folder}/: "
    print(f"{done}{human_size(found.size)} in {count(found.files)} (bound: {human_size(settings.cache_size)})")
    return EXIT_OK
