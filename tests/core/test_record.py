"""Records: frozen value classes made cheaply, behaving as the frozen dataclasses they replace."""

from __future__ import annotations

import pytest

from misaid.core.record import EMPTY, FrozenInstanceError, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


@record
class Named(Point):
    name: str = "here"


def test_fields_take_positions_keywords_and_defaults() -> None:
    assert (Point(1).x, Point(1).y, Point(1).tags) == (1, 0, ())
    assert Point(1, y=2) == Point(x=1, y=2)
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), 4)  # type: ignore[call-arg]


def test_equal_and_hashed_by_value_and_never_equal_to_another_class() -> None:
    assert Point(1, 2) == Point(1, 2) and hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert Named(1, 2, (), "here") != Point(1, 2)
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_a_record_cannot_be_changed_only_copied_with_changes() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y
    moved = replace(point, y=3)
    assert (point.y, moved.y, moved.x) == (0, 3, 1)
    with pytest.raises(TypeError, match="no field z"):
        replace(point, z=1)


def test_an_extended_record_keeps_the_fields_of_the_one_it_extends_first() -> None:
    assert Named(1).name == "here" and Named(1, 2, ("a",), "there").tags == ("a",)
    assert repr(Named(1)) == "Named(x=1, y=0, tags=(), name='here')"


def test_mutable_defaults_and_a_required_field_after_a_default_are_refused() -> None:
    with pytest.raises(TypeError, match="immutable"):
        @record
        class Shared:
            items: list[int] = []  # noqa: RUF012 (the very mistake refused here)

    with pytest.raises(TypeError, match="without a default"):
        @record
        class Backwards:
            first: int = 0
            second: int  # type: ignore[misc]

    @record
    class Fine:
        lookup: dict[str, int] = EMPTY  # type: ignore[assignment]

    with pytest.raises(TypeError):
        Fine().lookup["a"] = 1
