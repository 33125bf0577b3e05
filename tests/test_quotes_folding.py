"""Characters whose case fold is longer than they are (`İ` → `i̇`, `ß` → `ss`, `ﬁ` → `fi`)
move every offset after them in a casefolded paragraph. An organisation looked up in such a
paragraph once cut an empty word out of it, and the search for that word's printings never
ended (it took all the machine's memory): found by feeding the extractor mutated fixture
articles."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import quotes_build
from tests.test_runs import PARAGRAPHS
from toolkit.quotes import textsearch

FOLDS_LONGER = ("İstanbul", "Straße", "ﬁnance", "İ", "ßß İ ﬁ")

# `The utility said` names the organisation the article printed before, behind a character
# that folds to two: `said` + `İ` puts the casefolded paragraph one character ahead.
UTILITY = (
    "Oklahoma Gas and Electric said{mark} about 118,000 of its customers were affected at "
    'the peak. The utility said in a statement that customers should expect "short, '
    'rotating interruptions" and that hospitals had been excluded.'
)


@pytest.mark.parametrize("text", [*FOLDS_LONGER, *PARAGRAPHS[:200]])
def test_unfolded_at_inverts_the_fold(text: str) -> None:
    for i in range(len(text)):
        folded_before = len(text[:i].casefold())
        for k in range(len(text[i].casefold())):
            assert textsearch.unfolded_at(text, folded_before + k) == i
    assert textsearch.unfolded_at(text, len(text.casefold())) == len(text)


# Each check runs in a child process with a memory cap and a time limit: the old failure
# never returned, and took all the memory there was.
_LIMITED = """
import importlib, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
module = importlib.import_module(sys.argv[1])
"""
_PLACES = "print(module.Cast(['The utility said it.', 'No.']).places(''))"
_SPEAKERS = "for p in sys.argv[2:]:\n    print(module.extract([p], None)[0]['speaker'])"


def _child(kind: str, module: str, code: str, *args: str) -> list[str]:
    name = f"{quotes_build(kind).__name__}.{module}"
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_LIMITED) + code, name, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    return child.stdout.splitlines()


@pytest.mark.parametrize("kind", ["python", "compiled"])
def test_an_empty_word_is_printed_nowhere(kind: str) -> None:
    assert _child(kind, "cast", _PLACES) == ["[]"]


@pytest.mark.parametrize("kind", ["python", "compiled"])
def test_a_character_that_folds_to_two_leaves_the_speaker_as_it_is(kind: str) -> None:
    plain, marked = UTILITY.format(mark=""), UTILITY.format(mark="İ")
    speakers = _child(kind, "extract", _SPEAKERS, plain, marked)
    assert speakers == ["Oklahoma Gas and Electric"] * 2
