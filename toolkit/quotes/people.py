"""What a name resolves to: a person as the article names them."""

from __future__ import annotations


# A plain class, not a dataclass: the compiled build would run a dataclass's generated
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
