"""`@record`: a frozen value class like `@dataclass(frozen=True)`, at a tenth of the cost of making it.

`@dataclass` writes and compiles six methods for every class, about 0.4 ms each class on a small machine:
the 27 classes read on every start (the model, its conditions, documents, problems) cost 10 ms of it.
A record compiles only its `__init__`; equality, hashing, repr and the frozen guard are shared functions.

Fields are the class's own annotations, in order, after those of a record it extends; a field's default
is the class attribute of that name. Defaults are shared by every instance, so only immutable ones are
taken (a tuple, None, a string, EMPTY); a class with a mutable default is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, dataclass_transform

EMPTY: Mapping[Any, Any] = MappingProxyType({})  # the default for a mapping field: no one can add to it

T = TypeVar("T", bound=type)
_IMMUTABLE = (type(None), bool, int, float, str, bytes, tuple, frozenset, MappingProxyType)


class FrozenInstanceError(AttributeError):
    """A field of a record was assigned to after it was made."""


@dataclass_transform(frozen_default=True)
def record(cls: T) -> T:
    """Make `cls` a frozen record: __init__ from its fields, equal and hashed by its fields' values."""
    inherited: tuple[str, ...] = getattr(cls, "_fields", ())
    own = [name for name, kind in cls.__dict__.get("__annotations__", {}).items()
           if not str(kind).startswith("ClassVar") and name not in inherited]
    fields = inherited + tuple(own)
    defaults: dict[str, Any] = {}
    for name in fields:
        if hasattr(cls, name):
            value = getattr(cls, name)
            if not isinstance(value, _IMMUTABLE):
                raise TypeError(f"{cls.__name__}.{name}: a record's default must be immutable, not {value!r}")
            defaults[name] = value
        elif defaults:
            raise TypeError(f"{cls.__name__}.{name}: a field without a default comes after one with a default")
    params = ", ".join(f"{name}=_default_{name}" if name in defaults else name for name in fields)
    body = "".join(f"\n    _d[{name!r}] = {name}" for name in fields) or "\n    pass"
    scope: dict[str, Any] = {f"_default_{name}": value for name, value in defaults.items()}
    exec(f"def __init__(self, {params}):\n    _d = self.__dict__{body}", scope)  # noqa: S102 (our own text)
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    shared = {"_fields": fields, "__init__": init, "__eq__": _eq, "__hash__": _hash,
              "__setattr__": _frozen, "__delattr__": _frozen}
    if "__repr__" not in cls.__dict__:
        shared["__repr__"] = _repr
    for name, value in shared.items():
        setattr(cls, name, value)
    return cls


R = TypeVar("R")


def replace(item: R, **changes: Any) -> R:
    """A copy of the record `item` with some fields changed, as dataclasses.replace does for a dataclass."""
    state = item.__dict__
    unknown = set(changes) - set(item._fields)  # type: ignore[attr-defined]
    if unknown:
        raise TypeError(f"{item.__class__.__name__} has no field {', '.join(sorted(unknown))}")
    return item.__class__(**{name: changes.get(name, state[name]) for name in item._fields})  # type: ignore[attr-defined]


def values(item: Any) -> tuple[Any, ...]:
    """The record's field values, in field order."""
    state = item.__dict__
    return tuple(state[name] for name in item._fields)


def _eq(self: Any, other: Any) -> Any:  # a bool, or NotImplemented for another class
    if other.__class__ is not self.__class__:
        return NotImplemented
    return values(self) == values(other)


def _hash(self: Any) -> int:
    return hash(values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, values(self), strict=True))
    return f"{self.__class__.__qualname__}({shown})"


def _frozen(self: Any, name: str, *value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}: a {self.__class__.__name__} does not change")
