"""Property test: random and mutated dumps never make the converter raise."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DUMPS
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.unit import convert_document
from toolkit.records.validate import is_valid
from toolkit.sources.documents import RawDocument, split_documents
from toolkit.sources.inputs import Unit

SEEDS = [p.read_bytes() for p in sorted(DUMPS.glob("*.txt"))]
UNIT = Unit("prop.txt", "prop.txt", "txt")
OPTIONS = ConvertOptions()
LINE_NOISE = st.sampled_from(
    [
        b' "he said," ',
        b"\xe2\x80\x9c",
        b" said Ann Cole. ",
        b"",
        b"\n",
        b"Related\n",
        b"RELATED PEOPLE\n",
        b"YOU MAY ALSO LIKE\n",
        b"IN THIS ARTICLE\n",
        b"Comments / 3\n",
        b"Community Policy\n",
        b" date 2021-02-30 ContributorsPublishersAdvertisers\n",
        b"https://img.particlenews.com/image.php?url=x\n",
        b"\xc2\xa0 3 days ago\n",
        b"\x93\x94\n",
        b"By \n",
        b"#\n",
        b"\x00",
        b"\xff\xfe",
        b"\r\n",
        b'"\n',
        b"\xe2\x80\x9c\n",
    ]
)


def _convert_all(data: bytes) -> None:
    for raw in split_documents(io.BytesIO(data), block_size=97):
        is_record, value = convert_document(raw, UNIT, "0" * 64, OPTIONS)
        if is_record:
            assert is_valid(value)
            paragraphs = [p for s in value["sections"] for p in s["paragraphs"]]
            for quote in value["quotes"]:  # offsets hold whatever the input
                assert (
                    paragraphs[quote["paragraph"]][quote["start"] : quote["end"]] == quote["text"]
                )
                span = quote["span"]
                assert value["source_text"][span["start"] : span["end"]] == quote["text"]
        else:
            assert value["code"] and value["message"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.floats(0, 1), LINE_NOISE), max_size=12),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_mutated_dumps_never_raise(
    seed: bytes, edits: list[tuple[float, bytes]], cut_from: float, cut_len: float
) -> None:
    data = bytearray(seed)
    for where, noise in edits:
        at = int(where * len(data))
        data[at:at] = noise
    start = int(cut_from * len(data))
    del data[start : start + int(cut_len * 200)]
    _convert_all(bytes(data))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    _convert_all(data)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_random_text_after_a_header_never_raises(text: str) -> None:
    _convert_all(b" date 2022-01-01 ContributorsPublishersAdvertisers\n" + text.encode())


def test_raw_document_reject_keeps_raw_text() -> None:
    is_record, value = convert_document(
        RawDocument(0, b"no header here\n"), UNIT, "0" * 64, OPTIONS
    )
    assert (is_record, value["code"], value["raw"]) == (False, "no_header", "no header here\n")
