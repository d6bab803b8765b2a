"""The build cache's records as JSON: plain values, and plainpress's own dataclasses by name.

A record is data, never code (a pickle runs code when it is loaded, and the cache folder may be shared
between CI jobs). Tuples, bytes, paths, dates and maps that JSON lacks carry a tag; a dataclass carries
its module and name, and is made again only when it is one of plainpress's frozen value types from the
modules below, through its own constructor, once each field's value is of the type its annotation
names (so that a forged record cannot hand a renderer a string where it expects blocks). Anything else is refused: `encode` raises TypeError (the
record is not kept), `decode` raises ValueError (the record is a miss).
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import importlib
import json
import types
import typing
from functools import lru_cache
from pathlib import Path, PurePath

# The modules whose dataclasses a record may hold: the model, findings, the checks' and validators'
# results, a translation's record.
MODULES = frozenset({"plainpress.model", "plainpress.findings", "plainpress.validate.result", "plainpress.checks.readability",
                     "plainpress.checks.formulas", "plainpress.translate.memory", "plainpress.translate.returned"})
TAG = "@"


def encode(value) -> bytes:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode()


def decode(data: bytes):
    try:
        return _value(json.loads(data))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"not a record: {err}") from None


def _plain(value):
    """`value` as what JSON holds."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [_plain(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and TAG not in value:
            return {k: _plain(v) for k, v in value.items()}
        return {TAG: "map", "v": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, bytes):
        return {TAG: "bytes", "v": base64.b64encode(value).decode()}
    if isinstance(value, PurePath):
        return {TAG: "path", "v": str(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {TAG: "date", "v": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        if kind.__module__ not in MODULES:
            raise TypeError(f"a cache record cannot hold a {kind.__module__}.{kind.__qualname__}")
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return {TAG: f"{kind.__module__}:{kind.__qualname__}", **fields}
    raise TypeError(f"a cache record cannot hold a {type(value).__name__}")


def _value(data):
    """What `_plain` made, made again."""
    if isinstance(data, list):
        return [_value(v) for v in data]
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {k: _value(v) for k, v in data.items()}
    if not isinstance(tag, str):
        raise ValueError("a record's tag is not a name")
    if tag == "tuple":
        return tuple(_value(v) for v in _list(data))
    if tag == "map":
        return {_key(_value(k)): _value(v) for k, v in _list(data)}
    if tag == "bytes":
        return base64.b64decode(_text(data), validate=True)
    if tag == "path":
        return Path(_text(data))
    if tag == "date":
        return dt.date.fromisoformat(_text(data))
    kind = _dataclass(tag)
    names = {f.name for f in dataclasses.fields(kind) if f.init}
    values = {k: _value(v) for k, v in data.items() if k != TAG}
    if set(values) - names:
        raise ValueError(f"{tag} has no field {sorted(set(values) - names)[0]}")
    hints = _hints(kind)
    for name, value in values.items():
        if not _is(value, hints.get(name, object)):
            raise ValueError(f"{tag}.{name} is not of its type")
    try:
        return kind(**values)
    except TypeError as err:  # a field missing
        raise ValueError(f"{tag}: {err}") from None


def _dataclass(tag: str) -> type:
    module, _, name = tag.partition(":")
    if module not in MODULES or not name.isidentifier():
        raise ValueError(f"a record may not hold `{tag}`")
    kind = getattr(importlib.import_module(module), name, None)
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind.__module__ == module):
        raise ValueError(f"`{tag}` is not one of plainpress's values")
    return kind


def _list(data: dict) -> list:
    v = data.get("v")
    if not isinstance(v, list):
        raise ValueError(f"{data[TAG]} holds no list")
    return v


def _text(data: dict) -> str:
    v = data.get("v")
    if not isinstance(v, str):
        raise ValueError(f"{data[TAG]} holds no text")
    return v


def _key(key):
    try:
        hash(key)
    except TypeError:
        raise ValueError("a map's key is not a value") from None
    return key


@lru_cache(maxsize=None)
def _hints(kind: type) -> dict:
    return typing.get_type_hints(kind)


def _figure(value) -> bool:
    """A number, a word, or a list of them."""
    if isinstance(value, list):
        return all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)
    return isinstance(value, (str, int, float))


def _is(value, hint) -> bool:
    """Whether `value` is of the annotated type (the forms plainpress's values use)."""
    if hint in (object, typing.Any):
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_is(value, a) for a in args)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_is(v, args[0]) for v in value)
        return len(args) == len(value) and all(_is(v, a) for v, a in zip(value, args))
    if origin in (list, dict):
        if not isinstance(value, origin):
            return False
        if origin is list:
            return all(_is(v, args[0]) for v in value) if args else True
        # a map's values may be any plain value (a validator's counts hold numbers, words and a list of
        # figures, such as each page's fill)
        return all(_is(k, args[0]) and (_is(v, args[1]) or _figure(v)) for k, v in value.items()) if args else True
    if hint is float:
        return isinstance(value, (int, float))
    if hint is type(None):
        return value is None
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # a form no value type of ours uses
