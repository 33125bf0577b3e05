"""Publishing: records → a versioned Hugging Face dataset (local git repository or the Hub).

`datasets` and `huggingface_hub` are imported only where a release needs them, so importing
this package costs the converter nothing."""

from toolkit.publish.build import ReleaseOptions
from toolkit.publish.load import LoadReport, load_release
from toolkit.publish.manifest import Mismatch, verify
from toolkit.publish.release import PublishResult, publish_local
from toolkit.publish.splits import SplitRatios, parse_ratios

__all__ = [
    "LoadReport",
    "Mismatch",
    "PublishResult",
    "ReleaseOptions",
    "SplitRatios",
    "load_release",
    "parse_ratios",
    "publish_local",
    "verify",
]
