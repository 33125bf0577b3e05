"""Where records go: JSONL and Parquet files, written so that a crash never leaves a
half-written file under a final name."""
