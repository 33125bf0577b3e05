"""`croissant.json`: ML Commons Croissant 1.1 metadata of a release, so dataset search engines
and loaders that speak Croissant can read it. Record sets and fields are derived from the same
schema nodes as the Parquet columns."""

from __future__ import annotations

from typing import Any

from toolkit.publish.configs import ARTICLES, CONFIGS, quote_columns
from toolkit.publish.splits import SPLITS
from toolkit.schema import JSONSchema, load_schema, resolve, types_of

CROISSANT = "croissant.json"
_DATA_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "boolean": "sc:Boolean",
}
_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
_REPO = "repo"


def croissant(
    name: str,
    version: str,
    license_: str,
    description: str,
    url: str,
    published: str,
    configs: list[str] | None = None,
) -> dict[str, Any]:
    configs = list(CONFIGS) if configs is None else configs
    return {
        "@context": _CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": name,
        "description": description,
        "license": license_,
        "url": url,
        "version": version,
        "datePublished": published,
        "citeAs": _citation(name, version, url, published),
        "distribution": [
            {
                "@type": "cr:FileObject",
                "@id": _REPO,
                "name": _REPO,
                "description": "The dataset repository (one git tag per version).",
                "contentUrl": url,
                "encodingFormat": "git+https",
                # Croissant wants a checksum here, but a repository has none of its own:
                # manifest.json holds the sha256 of every file.
                "sha256": "https://github.com/mlcommons/croissant/issues/80",
            },
            *(_file_set(config) for config in configs),
        ],
        "recordSet": [record_set for config in configs for record_set in _record_sets(config)],
    }


def _citation(name: str, version: str, url: str, published: str) -> str:
    key = "".join(c for c in name.lower() if c.isalnum()) or "dataset"
    return (
        f"@misc{{{key}{published[:4]}, title = {{{name}}}, version = {{{version}}}, "
        f"year = {{{published[:4]}}}, url = {{{url}}}, note = {{Made with newsdump}}}}"
    )


def _file_set(config: str) -> dict[str, Any]:
    return {
        "@type": "cr:FileSet",
        "@id": f"parquet-{config}",
        "name": f"parquet-{config}",
        "description": f"Parquet shards of the `{config}` config, every split.",
        "containedIn": {"@id": _REPO},
        "encodingFormat": "application/x-parquet",
        "includes": f"data/{config}/*.parquet",
    }


def _record_sets(config: str) -> list[dict[str, Any]]:
    splits_id = f"{config}_splits"
    splits = {
        "@type": "cr:RecordSet",
        "dataType": "cr:Split",
        "@id": splits_id,
        "name": splits_id,
        "key": {"@id": f"{splits_id}/split_name"},
        "field": [{"@type": "cr:Field", "@id": f"{splits_id}/split_name", "dataType": "sc:Text"}],
        "data": [{f"{splits_id}/split_name": split} for split in SPLITS],
    }
    file_set = {"fileSet": {"@id": f"parquet-{config}"}}
    split_field = {
        "@type": "cr:Field",
        "@id": f"{config}/split",
        "dataType": "sc:Text",
        "source": {
            **file_set,
            "extract": {"fileProperty": "fullpath"},
            "transform": {"regex": f"^data/{config}/({'|'.join(SPLITS)})-.*\\.parquet$"},
        },
        "references": {"field": {"@id": f"{splits_id}/split_name"}},
    }
    fields = [
        split_field,
        *(_field(config, n, node, [n], file_set) for n, node in _columns(config)),
    ]
    return [
        splits,
        {
            "@type": "cr:RecordSet",
            "@id": config,
            "name": config,
            "description": f"The `{config}` config, one row per "
            + ("article." if config == ARTICLES else "quote."),
            "field": fields,
        },
    ]


def _columns(config: str) -> list[tuple[str, JSONSchema]]:
    if config == ARTICLES:
        return list(load_schema()["properties"].items())
    return [(column.name, column.node) for column in quote_columns()]


def _field(
    prefix: str, name: str, node: JSONSchema, path: list[str], file_set: dict[str, Any]
) -> dict[str, Any]:
    node = resolve(node)
    kind, _ = types_of(node)
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{prefix}/{name}",
        "name": name,
        "description": node.get("description", name),
    }
    if kind == "array":
        field["isArray"] = True
        field["arrayShape"] = "-1"
        node = resolve(node["items"])
        kind, _ = types_of(node)
    source: dict[str, Any] = {**file_set, "extract": {"column": path[0]}}
    if len(path) > 1:
        source["transform"] = {"jsonPath": ".".join(path[1:])}
    if kind == "object":
        field["subField"] = [
            _field(f"{prefix}/{name}", child, sub, [*path, child], file_set)
            for child, sub in node["properties"].items()
        ]
    else:
        field["dataType"] = _DATA_TYPES[kind]
        field["source"] = source
    return field
