"""The Label Studio round trip: records out as pre-annotated tasks, people's corrections back.

Data flow: `tasks` (record → task + prediction) → `push` → people annotate → `pull`
(export → annotation records, `convert`) → `merge` (`rebuild` sections and quotes) and
`report` (agreement, parser accuracy). `studio` runs the embedded server, `client` talks to
any server through label-studio-sdk.
"""

from toolkit.annotate.api import (
    load_records,
    merge_files,
    pull_annotations,
    push_records,
    report_files,
)
from toolkit.annotate.merge import MergeReport, merge
from toolkit.annotate.pull import PullReport
from toolkit.annotate.push import PushReport
from toolkit.annotate.studio import Studio

__all__ = [
    "MergeReport",
    "PullReport",
    "PushReport",
    "Studio",
    "load_records",
    "merge",
    "merge_files",
    "pull_annotations",
    "push_records",
    "report_files",
]
