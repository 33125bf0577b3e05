"""The records names resolve to: a person as the article names them, and a capitalised run
of a paragraph as classified once."""

from __future__ import annotations


# Plain classes, not dataclasses: the compiled build would run a dataclass's generated
# __init__ as interpreted Python on every instance.
class Person:
    def __init__(self, name: str, tokens: list[str]) -> None:
        self.name = name
        self.tokens = tokens  # gender: `Cast.gender(tokens)`, looked up when a pronoun asks

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Person):
            return NotImplemented
        return (self.name, self.tokens) == (other.name, other.tokens)

    def __repr__(self) -> str:
        return f"Person({self.name!r}, {self.tokens!r})"


class Run:
    """A capitalised run in a paragraph, classified once: a name (after titles are dropped)
    or an organisation."""

    def __init__(self, start: int, end: int, kind: str, tokens: list[str]) -> None:
        self.start = start
        self.end = end
        self.kind = kind  # name | org
        self.tokens = tokens

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Run):
            return NotImplemented
        return (self.start, self.end, self.kind, self.tokens) == (
            other.start,
            other.end,
            other.kind,
            other.tokens,
        )

    def __repr__(self) -> str:
        return f"Run({self.start}, {self.end}, {self.kind!r}, {self.tokens!r})"
