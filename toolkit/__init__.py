"""newsdump: turn raw NewsBreak news-page dumps into research-grade datasets.

The public API; everything else is internal and may change.
"""

from toolkit._version import __version__
from toolkit.errors import InputError, NewsdumpError, OutputError, StudioError
from toolkit.parse import ParseReject, parse_page
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.run import ConvertReport, convert
from toolkit.records.build import Origin, build_record, record_id
from toolkit.records.check_file import Problem, check_file
from toolkit.records.validate import SchemaError, is_valid, iter_errors
from toolkit.schema import arrow_schema, load_schema, schema_version

__all__ = [
    "ConvertOptions",
    "ConvertReport",
    "InputError",
    "NewsdumpError",
    "Origin",
    "OutputError",
    "ParseReject",
    "Problem",
    "SchemaError",
    "StudioError",
    "__version__",
    "arrow_schema",
    "build_record",
    "check_file",
    "convert",
    "is_valid",
    "iter_errors",
    "load_schema",
    "parse_page",
    "record_id",
    "schema_version",
]
