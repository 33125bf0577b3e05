"""The dataset card (`README.md`): the YAML header the Hub and `datasets` read (configs and
their data files, features, splits), then prose for people. Field tables come from the
schema's descriptions; counts come from what was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.publish.configs import ARTICLES, CONFIGS, QUOTES, config_docs, config_features
from toolkit.publish.data import DataSummary
from toolkit.publish.splits import SPLITS, SplitRatios

CARD = "README.md"
_SIZES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (10**6, "100K<n<1M"))


@dataclass
class CardInfo:
    """What the card says beyond the data: identity, provenance and review figures."""

    name: str
    version: str
    license: str
    ratios: SplitRatios
    toolkit_version: str
    schema_version: str
    created: str
    inputs: list[dict[str, Any]] = field(default_factory=list)  # path, sha256 (and counts)
    records_file: dict[str, str] = field(default_factory=dict)  # path, sha256
    annotation_report: dict[str, Any] | None = None
    hub_id: str | None = None


def size_category(count: int) -> str:
    return next((label for limit, label in _SIZES if count < limit), "1M<n<10M")


def card_header(info: CardInfo, data: DataSummary) -> dict[str, Any]:
    articles = sum(data.rows[ARTICLES].values())
    return {
        "pretty_name": info.name,
        "license": info.license,
        "language": ["en"],
        "task_categories": ["text-classification", "token-classification"],
        "size_categories": [size_category(articles)],
        "tags": ["news", "quotation-attribution", "newsdump"],
        "configs": [
            {
                "config_name": config,
                "data_files": [
                    {"split": split, "path": data.shards[config][split]}
                    for split in data.splits_of(config)
                ],
                **({"default": True} if config == ARTICLES else {}),
            }
            for config in data.configs()
        ],
        "dataset_info": [_dataset_info(config, data) for config in data.configs()],
    }


def _dataset_info(config: str, data: DataSummary) -> dict[str, Any]:
    return {
        "config_name": config,
        # datasets' own YAML form of its features, so it reads back the same Features.
        "features": config_features(config)._to_yaml_list(),
        "splits": [
            {"name": s, "num_bytes": data.bytes[config][s], "num_examples": data.rows[config][s]}
            for s in data.splits_of(config)
        ],
        "download_size": sum(data.bytes[config].values()),
        "dataset_size": sum(data.bytes[config].values()),
    }


def render_card(info: CardInfo, data: DataSummary) -> str:
    import yaml  # only publishing needs it

    header = yaml.safe_dump(card_header(info, data), sort_keys=False, allow_unicode=True, width=100)
    sections = [
        f"---\n{header}---\n",
        _summary(info, data),
        _loading(info),
        _splits(info, data),
        *(_field_table(config) for config in data.configs()),
        _provenance(info),
        _annotation(info, data),
        _limitations(),
    ]
    return "\n".join(sections)


def _summary(info: CardInfo, data: DataSummary) -> str:
    articles = sum(data.rows[ARTICLES].values())
    quotes = sum(data.rows[QUOTES].values())
    return (
        f"# {info.name} {info.version}\n\n"
        f"News articles from NewsBreak page dumps, converted by "
        f"newsdump {info.toolkit_version} into "
        f"records of the article schema {info.schema_version}: {articles:,} articles from "
        f"{len(data.publishers):,} publishers, with {quotes:,} direct quotations and their "
        "speakers. Every value keeps the character span it came from in `source_text`.\n\n"
        "Two configs:\n\n"
        f"- `{ARTICLES}`: one row per article, every field of the article schema.\n"
        f"- `{QUOTES}`: one row per quote (article id, publisher, dates, the quote, speaker, "
        "cue, paragraph and offsets, and whether people checked it), for quote-attribution "
        "training.\n"
    )


def _loading(info: CardInfo) -> str:
    where = info.hub_id or "path/to/this/folder"
    return (
        "## How to load\n\n"
        "```python\n"
        "from datasets import load_dataset\n\n"
        f'articles = load_dataset("{where}", "{ARTICLES}")\n'
        f'quotes = load_dataset("{where}", "{QUOTES}", split="train")\n'
        "```\n\n"
        f'Each version is a git tag: pass `revision="v{info.version}"` (on the Hub) or '
        f"`git checkout v{info.version}` (in a local copy) to get exactly this release.\n"
    )


def _splits(info: CardInfo, data: DataSummary) -> str:
    rows = ["| config | " + " | ".join(SPLITS) + " |", "|---|" + "---:|" * len(SPLITS)]
    for config in CONFIGS:
        counts = " | ".join(f"{data.rows[config][s]:,}" for s in SPLITS)
        rows.append(f"| `{config}` | {counts} |")
    return (
        "## Splits\n\n"
        "An article's split is computed from its id alone (ratios "
        f"{info.ratios} for train/validation/test), and an article keeps the split it had in "
        "earlier versions, so it never moves between splits from one version to the next. "
        "Quotes are in their article's split. A split with no rows is not listed in the "
        "configs (`datasets` cannot load an empty split).\n\n" + "\n".join(rows) + "\n"
    )


def _field_table(config: str) -> str:
    rows = ["| field | type | description |", "|---|---|---|"]
    for path, kind, description in config_docs(config):
        text = description.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{path}` | {kind} | {text} |")
    return f"## Fields of `{config}`\n\n" + "\n".join(rows) + "\n"


def _provenance(info: CardInfo) -> str:
    lines = [
        "## Provenance\n",
        f"- Built by newsdump {info.toolkit_version}, article schema {info.schema_version}, "
        f"on {info.created}.",
    ]
    if info.records_file:
        lines.append(
            f"- Records: `{info.records_file['path']}` (sha256 `{info.records_file['sha256']}`)."
        )
    if info.inputs:
        lines.append("- Raw dumps converted into those records:\n")
        lines.append("| input | sha256 | records |")
        lines.append("|---|---|---:|")
        for entry in info.inputs:
            lines.append(
                f"| `{entry.get('path', '?')}` | `{entry.get('sha256', '?')}` | "
                f"{entry.get('records', '')} |"
            )
    lines.append(
        "\n`manifest.json` lists the sha256 of every file of this release; "
        "`newsdump verify FOLDER` checks a copy against it."
    )
    return "\n".join(lines) + "\n"


def _annotation(info: CardInfo, data: DataSummary) -> str:
    text = ["## Annotation process\n\n"]
    if not data.reviewed:
        text.append(
            "No record of this release was checked by people: sections, quotes and speakers "
            "are the converter's output (`review` is null, `human_checked` false)."
        )
    else:
        total = sum(data.rows[ARTICLES].values())
        parts = ", ".join(f"{p} {n:,}" for p, n in sorted(data.reviewed_parts.items()))
        verdicts = ", ".join(f"{v} {n:,}" for v, n in sorted(data.verdicts.items()))
        text.append(
            f"{data.reviewed:,} of {total:,} articles were checked by "
            f"{len(data.annotators):,} annotator(s) in Label Studio and merged with "
            "`newsdump annotate merge`: their human values override the converter's and "
            f"`review` says which parts, by whom and when. Checked parts: {parts}. "
            f"Verdicts: {verdicts}."
        )
    if info.annotation_report:
        text.append("\nFigures from `newsdump annotate report` (agreement between annotators, ")
        text.append("and the parser's accuracy against people: how far to trust unchecked ")
        text.append("records):\n")
        text.append(_figures(info.annotation_report))
    return "".join(t if t.endswith("\n") else t + "\n" for t in text)


def _figures(report: dict[str, Any], prefix: str = "") -> str:
    """A nested report of numbers as one table row per figure (`agreement.Quote.f1`)."""
    rows = []
    for key, value in report.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.append(_figures(value, f"{name}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            shown = f"{value:.3f}" if isinstance(value, float) else f"{value:,}"
            rows.append(f"| `{name}` | {shown} |\n")
    body = "".join(rows)
    return body if prefix else "| figure | value |\n|---|---:|\n" + body


def _limitations() -> str:
    return (
        "## Limitations\n\n"
        "- Pages come from one news aggregator; its choice of outlets and topics is not a "
        "sample of the news.\n"
        "- Unchecked quotes and speakers come from rules: some quotes are missed and some "
        "speakers are wrong (see the parser-accuracy figures, when given, and `human_checked`)."
        "\n"
        "- Dates are the page's own; relative times (`3 days ago`) are resolved against the "
        "crawl date and can be off by a day; vague ones are null.\n"
        "- Articles are copyrighted by their publishers: check the license before "
        "redistributing the text.\n"
    )
